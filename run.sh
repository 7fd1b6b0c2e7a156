#!/usr/bin/env bash
# Builds the Bashgah distribution and starts it in the foreground with its Karaf console, on embedded
# Derby (data under run/bashgah-<version>/data/). A second run rebuilds and keeps data/ and etc/.
#   BASHGAH_ADMIN_PASSWORD=...  the first start's admin password (else one is generated and logged once)
#   SKIP_BUILD=1                start what was built last
set -euo pipefail
cd "$(dirname "$0")"
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -B install -DskipTests
fi
home="run/bashgah-$version"
keep=$(mktemp -d)
for d in data etc; do
  if [ -d "$home/$d" ]; then mv "$home/$d" "$keep/$d"; fi
done
rm -rf "$home" && mkdir -p run
tar xzf "karaf-assembly/target/bashgah-$version.tar.gz" -C run
for d in data etc; do
  if [ -d "$keep/$d" ]; then rm -rf "${home:?}/$d" && mv "$keep/$d" "$home/$d"; fi
done
rmdir "$keep" 2>/dev/null || true
echo "Bashgah: http://127.0.0.1:8181/api/openapi.json (REST), console below; type 'logout' or Ctrl-D to stop."
exec "$home/bin/karaf"
