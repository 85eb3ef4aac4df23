#!/bin/sh
# Registers IncidentFlow's search attributes in a Temporal namespace, skipping those it already
# has; exits 0 once all four exist. docker-compose.yml runs it once, in the temporalio/admin-tools
# image, before the api and worker start. The app registers missing ones at start too
# (SearchAttributeRegistration), but a workflow task that upserts an unregistered attribute fails,
# so the stack does not rely on which process starts first.
#
#   TEMPORAL_ADDRESS    frontend host:port (default temporal:7233)
#   TEMPORAL_NAMESPACE  namespace (default default)
#   WAIT_SECONDS        how long to wait for the namespace to appear (default 180)
set -eu

address=${TEMPORAL_ADDRESS:-temporal:7233}
namespace=${TEMPORAL_NAMESPACE:-default}
wait_seconds=${WAIT_SECONDS:-180}

# Name:type pairs, as dev.incidentflow.workflows.incident.IncidentSearchAttributes defines them.
attributes="IncidentNumber:Int IncidentSeverity:Keyword IncidentService:Keyword IncidentStatus:Keyword"

list() {
  temporal operator search-attribute list --address "$address" --namespace "$namespace"
}

# The server can be healthy before auto-setup has created the namespace.
waited=0
until existing=$(list 2>&1); do
  if [ "$waited" -ge "$wait_seconds" ]; then
    echo "namespace $namespace on $address not reachable after ${wait_seconds}s:" >&2
    echo "$existing" >&2
    exit 1
  fi
  echo "waiting for namespace $namespace on $address"
  sleep 2
  waited=$((waited + 2))
done

has() {
  printf '%s\n' "$existing" | grep -qw -- "$1"
}

for attribute in $attributes; do
  name=${attribute%%:*}
  type=${attribute#*:}
  if has "$name"; then
    echo "$name already registered"
    continue
  fi
  if ! temporal operator search-attribute create --address "$address" --namespace "$namespace" \
      --name "$name" --type "$type"; then
    # Someone else (an IncidentFlow process starting) may have just added it.
    existing=$(list)
    has "$name" || exit 1
    echo "$name registered meanwhile"
    continue
  fi
  echo "registered $name ($type)"
done

existing=$(list)
for attribute in $attributes; do
  name=${attribute%%:*}
  if ! has "$name"; then
    echo "$name is still missing in namespace $namespace" >&2
    exit 1
  fi
done
echo "search attributes ready in namespace $namespace"
