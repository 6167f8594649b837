#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine, and nothing that is already there:
# the system OpenSSL headers and pkg-config (for the COpenSSL target), redis-server 7 (ACL tests),
# cfn-lint (template lint) and moto's server (the AWS APIs for deploy tests).
set -euo pipefail

missing=()
for package in libssl-dev pkg-config redis-server; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

pip_missing=()
python3 -c "import cfnlint" 2>/dev/null || pip_missing+=("cfn-lint")
python3 -c "import moto.server, flask, flask_cors" 2>/dev/null && command -v moto_server >/dev/null \
  || pip_missing+=("moto[server]")
if [ ${#pip_missing[@]} -gt 0 ]; then
  echo "installing Python packages: ${pip_missing[*]}"
  python3 -m pip install --quiet --disable-pip-version-check "${pip_missing[@]}"
fi
