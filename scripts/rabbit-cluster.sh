#!/bin/sh
# A two-node RabbitMQ cluster on loopback, for tests and benches that take a
# cluster node away under load. Built from two private nodes of
# scripts/rabbit-node.sh (own names, ports, data and log folders, one shared
# Erlang cookie); the machine's own broker (5672) is never touched.
#
#   scripts/rabbit-cluster.sh start  PREFIX PORT_A PORT_B [DIST_A DIST_B]   start both, cluster them
#   scripts/rabbit-cluster.sh status PREFIX                                 the cluster as node a sees it
#   scripts/rabbit-cluster.sh stop   PREFIX                                 stop both, delete their folders
#
# The nodes are PREFIX-a@localhost and PREFIX-b@localhost; b joins a's
# cluster (stop_app, join_cluster, start_app). Each is driven alone with
# scripts/rabbit-node.sh (stop_app, start_app, ctl …) by its name.
#
# What a cluster shares and what it does not: exchanges and bindings are
# cluster-wide (a publish on either node reaches a queue on the other), but
# a queue lives on the node it was declared on. miros-rabbitmq's queues are
# exclusive and auto-delete, so when that node goes they go with it, and a
# consumer must reconnect to the other node and declare afresh.
set -eu

NODE=$(dirname "$0")/rabbit-node.sh

usage() {
  sed -n '7,9p' "$0" >&2
  exit 64
}

[ $# -ge 2 ] || usage
command=$1
prefix=$2
shift 2
a=$prefix-a
b=$prefix-b

case $command in
  start)
    [ $# -ge 2 ] || usage
    port_a=$1
    port_b=$2
    dist_a=${3:-$((port_a + 20000))}
    dist_b=${4:-$((port_b + 20000))}
    # Either node failing to start or join leaves nothing behind.
    trap '"$NODE" remove "$a" >/dev/null 2>&1 || true; "$NODE" remove "$b" >/dev/null 2>&1 || true' EXIT
    "$NODE" start "$a" "$port_a" "$dist_a" &
    start_a=$!
    "$NODE" start "$b" "$port_b" "$dist_b"
    wait $start_a
    "$NODE" stop_app "$b"
    # join_cluster logs harmless errors about b's connection-tracking tables
    # while b's app is stopped; shown only if the join fails.
    if ! out=$("$NODE" ctl "$b" join_cluster "$a@localhost" 2>&1); then
      echo "rabbit-cluster: $b could not join $a: $out" >&2
      exit 1
    fi
    "$NODE" start_app "$b"
    "$NODE" ctl "$b" await_startup --timeout 60
    trap - EXIT
    ;;
  status) "$NODE" ctl "$a" cluster_status ;;
  stop)
    # remove, not stop: a later cluster under the same prefix must not find
    # a node that still remembers this one.
    "$NODE" remove "$b"
    "$NODE" remove "$a"
    ;;
  *) usage ;;
esac
