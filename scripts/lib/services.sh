# Shared by the test scripts: install what the tests need and run throwaway services on
# 127.0.0.1. Source it; it defines functions only.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "error: '$*' needs root; run it once as root, then run this script again" >&2
    return 1
  fi
}

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Debian packages the suite needs: PostgreSQL, Chromium and its driver, a Japanese font.
install_packages() {
  local missing=()
  [ -n "$(postgres_bin)" ] && [ -x "$(postgres_bin)/initdb" ] || missing+=(postgresql)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v npm >/dev/null || missing+=(npm)
  command -v curl >/dev/null || missing+=(curl)
  [ -d /usr/share/fonts/opentype/ipafont-gothic ] || [ -d /usr/share/fonts/truetype/fonts-japanese-gothic.ttf ] \
    || dpkg -s fonts-ipafont-gothic >/dev/null 2>&1 || missing+=(fonts-ipafont-gothic)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts a throwaway PostgreSQL cluster on 127.0.0.1 and exports WAKUCAREER_TEST_POSTGRES_URL.
# stop_services (set as an EXIT trap by the caller) stops it and removes its data.
start_postgres() {
  local bin port run_as=()
  bin=$(postgres_bin)
  port=$(free_port)
  PG_DATA_DIR=$(mktemp -d /tmp/wakucareer-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PG_DATA_DIR"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$bin/initdb" -D "$PG_DATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_DATA_DIR" -w -l "$PG_DATA_DIR/server.log" -o \
    "-p $port -c listen_addresses=127.0.0.1 -k $PG_DATA_DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  PG_CTL=("${run_as[@]}" "$bin/pg_ctl" -D "$PG_DATA_DIR")
  export WAKUCAREER_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

# Starts a real SMTP server (aiosmtpd from PyPI) on 127.0.0.1 that stores what it receives in a
# Maildir; exports WAKUCAREER_TEST_SMTP (host:port) and WAKUCAREER_TEST_MAILDIR.
start_smtp() {
  local port python_dir=target/test-python
  if ! PYTHONPATH="$python_dir" python3 -c 'import aiosmtpd' 2>/dev/null; then
    echo "== installing aiosmtpd (PyPI) into $python_dir"
    PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check --target "$python_dir" aiosmtpd
  fi
  port=$(free_port)
  SMTP_MAILDIR=$(mktemp -d /tmp/wakucareer-mail.XXXXXX)
  mkdir -p "$SMTP_MAILDIR/tmp" "$SMTP_MAILDIR/new" "$SMTP_MAILDIR/cur"
  PYTHONPATH="$python_dir" python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$SMTP_MAILDIR" \
    >"$SMTP_MAILDIR.log" 2>&1 &
  SMTP_PID=$!
  for _ in $(seq 50); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
    sleep 0.1
  done
  export WAKUCAREER_TEST_SMTP="127.0.0.1:$port" WAKUCAREER_TEST_MAILDIR="$SMTP_MAILDIR"
  echo "== SMTP (aiosmtpd) on 127.0.0.1:$port"
}

# Starts chromedriver on 127.0.0.1 for the browser tests and exports WAKUCAREER_TEST_WEBDRIVER.
start_webdriver() {
  local port
  port=$(free_port)
  chromedriver --port="$port" --allowed-ips=127.0.0.1 >"/tmp/wakucareer-chromedriver.$port.log" 2>&1 &
  WEBDRIVER_PID=$!
  for _ in $(seq 1 50); do
    curl -fsS "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break
    sleep 0.2
  done
  export WAKUCAREER_TEST_WEBDRIVER="http://127.0.0.1:$port"
  echo "== chromedriver $(chromedriver --version | awk '{print $2}') on 127.0.0.1:$port"
}

# Installs axe-core (npm) into target/test-node for the browser tests' accessibility checks and
# exports WAKUCAREER_TEST_AXE, the path of axe.min.js.
install_axe() {
  local dir=target/test-node
  if [ ! -f "$dir/node_modules/axe-core/axe.min.js" ]; then
    echo "== installing axe-core (npm) into $dir"
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" axe-core@4 >/dev/null
  fi
  export WAKUCAREER_TEST_AXE="$PWD/$dir/node_modules/axe-core/axe.min.js"
}

stop_services() {
  if [ -n "${WEBDRIVER_PID:-}" ]; then
    kill "$WEBDRIVER_PID" 2>/dev/null || true
  fi
  if [ -n "${SMTP_PID:-}" ]; then
    kill "$SMTP_PID" 2>/dev/null || true
    rm -rf "$SMTP_MAILDIR" "$SMTP_MAILDIR.log"
  fi
  if [ -n "${PG_DATA_DIR:-}" ] && [ -d "$PG_DATA_DIR" ]; then
    "${PG_CTL[@]}" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA_DIR"
  fi
}
