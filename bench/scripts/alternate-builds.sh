#!/usr/bin/env bash
# Compares two builds of the distribution the only way this project's virtual machine allows: alternating rounds
# (A B B A A B ...), each on a freshly created PostgreSQL database and a freshly started server, warmed before it
# is measured. Per round: the small chain generated over REST, --warm seconds of load, then cpu-per-purchase.sh
# (purchases/s, p99, CPU per purchase) and, with --statements, statements-per-purchase.sh. Run it on a quiet
# machine, from the repository root, after `mvn -B install -DskipTests` (for bench/target/bashgah-bench.jar).
# Usage:
#   bench/scripts/alternate-builds.sh --a old.tar.gz --b new.tar.gz [--rounds 4] [--warm 150] [--duration 30]
#       [--threads 8] [--members 1000] [--purchases 10000] [--statements] [--out bench/results/ab-<time>.txt]
# Needs PostgreSQL on 127.0.0.1:5432 with role bashgah/bashgah allowed to create databases (.ci/postgres), psql
# as the postgres user for --statements, and ports 8181/8101 free.
set -euo pipefail
a=; b=; rounds=4; warm=150; duration=30; threads=8; members=1000; purchases=10000; statements=false
out="bench/results/ab-$(date +%Y%m%d-%H%M).txt"
while [ $# -gt 0 ]; do
  case $1 in
    --a) a=$2; shift 2;; --b) b=$2; shift 2;; --rounds) rounds=$2; shift 2;; --warm) warm=$2; shift 2;;
    --duration) duration=$2; shift 2;; --threads) threads=$2; shift 2;; --members) members=$2; shift 2;;
    --purchases) purchases=$2; shift 2;; --statements) statements=true; shift;; --out) out=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[ -f "$a" ] && [ -f "$b" ] || { echo "--a and --b must name two distribution tar.gz files" >&2; exit 2; }
scripts=$(cd "$(dirname "$0")" && pwd)
jar=$scripts/../target/bashgah-bench.jar
password=bench-admin-password-$$
work=$(mktemp -d)
mkdir -p "$(dirname "$out")"
home=

stop_server() {
  if [ -n "$home" ] && [ -x "$home/bin/stop" ]; then
    "$home/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do pgrep -f "karaf.base=$home" >/dev/null || break; sleep 1; done
    pkill -9 -f "karaf.base=$home" 2>/dev/null || true
  fi
}
trap 'stop_server; rm -rf "$work"' EXIT

# one round: label (A or B), tarball, round number
round() {
  local label=$1 tarball=$2 n=$3 db="bench_ab_$$_$3"
  PGPASSWORD=bashgah psql -qh 127.0.0.1 -U bashgah -d postgres -c "CREATE DATABASE $db" >/dev/null
  rm -rf "$work/dist" && mkdir -p "$work/dist" && tar xzf "$tarball" -C "$work/dist"
  home=$(echo "$work"/dist/*)
  # the datasource written before the first start: the feature keeps an etc/ file that is already there
  cat > "$home/etc/org.ops4j.datasource-bashgah.cfg" <<EOF
osgi.jdbc.driver.name = PostgreSQL JDBC Driver
dataSourceName = bashgah
osgi.jndi.service.name = bashgah
url = jdbc:postgresql://127.0.0.1:5432/$db
user = bashgah
password = bashgah
pool = hikari
xa = false
hikari.maximumPoolSize = 20
EOF
  BASHGAH_ADMIN_PASSWORD=$password "$home/bin/start"
  for _ in $(seq 1 180); do
    curl -sf http://127.0.0.1:8181/api/health 2>/dev/null | grep -q '"UP"' && break; sleep 1
  done
  # health is UP once every capability is served; the JAX-RS whiteboard may still re-publish the application
  # (a 404 in between), so wait until a login answers too
  for _ in $(seq 1 120); do
    curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"user\":\"admin\",\"password\":\"$password\"}" http://127.0.0.1:8181/api/v1/auth/token | grep -q 200 && break
    sleep 1
  done
  local pid
  pid=$(pgrep -f "karaf.base=$home" | head -1)
  java -jar "$jar" generate --url http://127.0.0.1:8181 --password "$password" --members "$members" \
    --purchases "$purchases" --progress 600 >/dev/null
  java -jar "$jar" load --url http://127.0.0.1:8181 --password "$password" --members "$members" \
    --threads "$threads" --warmup 0 --duration "$warm" --progress 600 >/dev/null
  local result load cpu
  result=$("$scripts/cpu-per-purchase.sh" --url http://127.0.0.1:8181 --password "$password" --pid "$pid" \
    --threads "$threads" --duration "$duration" --members "$members")
  load=$(echo "$result" | grep '^purchases')
  cpu=$(echo "$result" | grep '^CPU')
  local line="round $n $label: $load | $cpu"
  if $statements; then
    line="$line | $("$scripts/statements-per-purchase.sh" --url http://127.0.0.1:8181 --password "$password" \
      --members "$members" | grep '^per purchase')"
  fi
  echo "$line (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out"
  stop_server
  home=
  PGPASSWORD=bashgah psql -qh 127.0.0.1 -U bashgah -d postgres -c "DROP DATABASE $db" >/dev/null
}

echo "A = $a, B = $b; $rounds rounds, $threads threads, ${warm} s warm, ${duration} s measured" | tee -a "$out"
for n in $(seq 1 "$rounds"); do
  # A B B A A B B A ...: neither build always goes first on a machine that drifts
  if [ $(( (n + 1) / 2 % 2 )) -eq 1 ]; then first=A; else first=B; fi
  if [ $(( n % 2 )) -eq 1 ]; then label=$first; else label=$([ "$first" = A ] && echo B || echo A); fi
  if [ "$label" = A ]; then round A "$a" "$n"; else round B "$b" "$n"; fi
done
echo "results: $out"
