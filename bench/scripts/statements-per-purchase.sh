#!/usr/bin/env bash
# Statements and transactions per purchase on PostgreSQL, from its statement log over a short one-thread load.
# Needs: a running server on PostgreSQL with the generated chain (bench generate), psql as the postgres user
# (runuser as root, else sudo), and the server's log file. Usage:
#   bench/scripts/statements-per-purchase.sh --url http://127.0.0.1:8181 --password PW \
#       [--log /var/log/postgresql/postgresql-15-main.log] [--members 1000]
set -euo pipefail
url=http://127.0.0.1:8181; password=; log=/var/log/postgresql/postgresql-15-main.log; members=1000
while [ $# -gt 0 ]; do
  case $1 in
    --url) url=$2; shift 2;; --password) password=$2; shift 2;; --log) log=$2; shift 2;;
    --members) members=$2; shift 2;; *) echo "unknown option $1" >&2; exit 2;;
  esac
done
jar=$(dirname "$0")/../target/bashgah-bench.jar
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
psql_admin() { as_postgres psql -qc "$1" -c 'SELECT pg_reload_conf()' >/dev/null; }
psql_admin "ALTER SYSTEM SET log_statement = 'all'"
trap 'psql_admin "ALTER SYSTEM RESET log_statement"' EXIT
sleep 1
start=$(wc -l < "$log")
out=$(java -jar "$jar" load --url "$url" --password "$password" --members "$members" --threads 1 --warmup 0 \
      --duration 5 --progress 600 | grep '^purchases')
sleep 3   # the asynchronous work of the last purchases (tier tallies, surveys, partners)
statements=$(tail -n +"$start" "$log" | grep -v 'log_statement\|pg_reload_conf' | grep -c 'LOG:  execute\|LOG:  statement' || true)
transactions=$(tail -n +"$start" "$log" | grep -c 'LOG:  statement: BEGIN' || true)
purchases=$(echo "$out" | sed 's/.*s, \([0-9,]*\) ok.*/\1/' | tr -d ,)
echo "$out"
awk -v s="$statements" -v t="$transactions" -v n="$purchases" \
  'BEGIN { printf "per purchase: %.1f statements, %.2f transactions (%d purchases; logins and key set-up included)\n", s/n, t/n, n }'
