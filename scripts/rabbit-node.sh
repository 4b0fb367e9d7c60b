#!/bin/sh
# A private RabbitMQ node on loopback, for tests and benches that stop, start
# or cluster a broker. The machine's own broker (5672) is shared with other
# programs and is never touched: every command here names its node with -n,
# and the node reads none of /etc/rabbitmq (own env file, config file,
# enabled-plugins file, data and log folders).
#
#   scripts/rabbit-node.sh start     NAME PORT [DIST_PORT]   start, wait until it serves
#   scripts/rabbit-node.sh stop      NAME                    stop the Erlang node
#   scripts/rabbit-node.sh stop_app  NAME                    close every connection, node stays
#   scripts/rabbit-node.sh start_app NAME                    serve again
#   scripts/rabbit-node.sh ctl       NAME ARGS...            any rabbitmqctl command on NAME
#   scripts/rabbit-node.sh remove    NAME                    stop, then delete its folder
#   scripts/rabbit-node.sh list      -                       the names with a folder here
#
# NAME is the short node name (the node is NAME@localhost). Folders live under
# $RABBIT_NODE_ROOT (default ${TMPDIR:-/tmp}/miroscope-rabbit-<uid>), which is
# also HOME for the node and for rabbitmqctl, so they share one Erlang cookie;
# nodes under the same root can therefore be clustered (join_cluster).
# Management plugin off: the node starts in a few seconds. AMQP listens on
# $RABBIT_NODE_ADDRESS (default 127.0.0.1; any 127.x.y.z is loopback on
# Linux, so two nodes can look like two machines); Erlang distribution and
# epmd stay on 127.0.0.1.
set -eu

RABBIT_BIN=${RABBIT_BIN:-/usr/lib/rabbitmq/bin}
ROOT=${RABBIT_NODE_ROOT:-${TMPDIR:-/tmp}/miroscope-rabbit-$(id -u)}
ADDRESS=${RABBIT_NODE_ADDRESS:-127.0.0.1}
case $ADDRESS in
  127.*) ;;
  *) echo "rabbit-node: RABBIT_NODE_ADDRESS must be a loopback address (127.x.y.z), not '$ADDRESS'" >&2; exit 64 ;;
esac

usage() {
  sed -n '7,15p' "$0" >&2
  exit 64
}

[ $# -ge 2 ] || usage
command=$1
name=$2
shift 2
if [ "$command" = list ]; then
  [ -d "$ROOT" ] && find "$ROOT" -mindepth 1 -maxdepth 1 -type d -printf '%f\n'
  exit 0
fi
case $name in
  rabbit | *[!A-Za-z0-9_-]*) echo "rabbit-node: bad node name '$name' (letters, digits, - and _, not 'rabbit')" >&2; exit 64 ;;
esac

dir=$ROOT/$name
mkdir -p "$ROOT"
chmod 700 "$ROOT"
if [ ! -f "$ROOT/.erlang.cookie" ]; then
  (umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$ROOT/.erlang.cookie")
  chmod 400 "$ROOT/.erlang.cookie"
fi

# Everything the rabbitmq scripts read, pointed at this node's own files.
export HOME=$ROOT
export RABBITMQ_NODENAME=$name@localhost
export RABBITMQ_CONF_ENV_FILE=$dir/rabbitmq-env.conf
export RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf
export RABBITMQ_ADVANCED_CONFIG_FILE=$dir/advanced.config # never written: none
export RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
export RABBITMQ_MNESIA_BASE=$dir/mnesia
export RABBITMQ_LOG_BASE=$dir/log
export RABBITMQ_PID_FILE=$dir/pid
export RABBITMQ_NODE_IP_ADDRESS=$ADDRESS
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

ctl() {
  "$RABBIT_BIN/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" "$@"
}

case $command in
  start)
    [ $# -ge 1 ] || usage
    port=$1
    dist=${2:-$((port + 20000))}
    if ctl ping >/dev/null 2>&1; then
      echo "rabbit-node: $RABBITMQ_NODENAME is already running" >&2
      exit 1
    fi
    mkdir -p "$dir/mnesia" "$dir/log"
    : >"$dir/rabbitmq-env.conf"
    echo '[].' >"$dir/enabled_plugins"
    cat >"$dir/rabbitmq.conf" <<EOF
listeners.tcp.1 = $ADDRESS:$port
loopback_users.guest = true
EOF
    export RABBITMQ_NODE_PORT=$port RABBITMQ_DIST_PORT=$dist
    # setsid: the node outlives this script and is not in the caller's
    # process group (a test runner's ^C does not kill it half-way).
    setsid "$RABBIT_BIN/rabbitmq-server" >"$dir/log/stdout" 2>&1 </dev/null &
    server=$!
    # await_startup fails at once while the node is not yet registered with
    # epmd, so first wait (up to 30 s) for the Erlang node to answer a ping.
    tries=0
    until ctl ping >/dev/null 2>&1; do
      tries=$((tries + 1))
      if [ $tries -gt 150 ] || ! kill -0 $server 2>/dev/null; then break; fi
      sleep 0.2
    done
    if ! ctl await_startup --timeout 60 >/dev/null 2>&1; then
      echo "rabbit-node: $RABBITMQ_NODENAME did not start; last lines of $dir/log/stdout:" >&2
      tail -n 20 "$dir/log/stdout" >&2
      exit 1
    fi
    ;;
  stop) ctl stop ;;
  stop_app) ctl stop_app ;;
  start_app) ctl start_app ;;
  ctl) ctl "$@" ;;
  remove)
    ctl stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
