#!/usr/bin/env bash
# CPU time per purchase of the server's JVM (and of its JIT compiler threads) and of PostgreSQL's processes,
# over one load run; steadier than purchases/s on a shared machine. Run on the server's machine. Usage:
#   bench/scripts/cpu-per-purchase.sh --url http://127.0.0.1:8181 --password PW --pid <server JVM pid> \
#       [--threads 8] [--duration 30] [--members 1000]
set -euo pipefail
url=http://127.0.0.1:8181; password=; pid=; threads=8; duration=30; members=1000
while [ $# -gt 0 ]; do
  case $1 in
    --url) url=$2; shift 2;; --password) password=$2; shift 2;; --pid) pid=$2; shift 2;;
    --threads) threads=$2; shift 2;; --duration) duration=$2; shift 2;; --members) members=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[ -n "$pid" ] || { echo "--pid of the server's JVM is required" >&2; exit 2; }
jar=$(dirname "$0")/../target/bashgah-bench.jar
ticks() { awk '{ print $14 + $15 }' "$1"; }      # utime + stime of a /proc/.../stat
compilers() { local t=0; for task in /proc/"$pid"/task/*; do
  grep -q Compiler "$task/comm" 2>/dev/null && t=$((t + $(ticks "$task/stat"))); done; echo $t; }
postgres() { local t=0; for p in $(pgrep -u postgres postgres); do t=$((t + $(ticks /proc/"$p"/stat 2>/dev/null || echo 0))); done; echo $t; }
s0=$(ticks /proc/"$pid"/stat); c0=$(compilers); p0=$(postgres)
out=$(java -jar "$jar" load --url "$url" --password "$password" --members "$members" --threads "$threads" \
      --warmup 0 --duration "$duration" --progress 600 | grep '^purchases')
s1=$(ticks /proc/"$pid"/stat); c1=$(compilers); p1=$(postgres)
purchases=$(echo "$out" | sed 's/.*s, \([0-9,]*\) ok.*/\1/' | tr -d ,)
echo "$out"
awk -v s=$((s1 - s0)) -v c=$((c1 - c0)) -v p=$((p1 - p0)) -v n="$purchases" -v hz="$(getconf CLK_TCK)" \
  'BEGIN { printf "CPU per purchase: server %.2f ms (of it JIT compilers %.2f ms), PostgreSQL %.2f ms\n", s*1000/hz/n, c*1000/hz/n, p*1000/hz/n }'
