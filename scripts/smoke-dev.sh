#!/bin/bash
# A smoke test of `dev` from a built checkout: run it from the repository root after
# `mvn -B -ntp -DskipTests package`, with ../shared beside it. It starts `dev` on other ports,
# sends what on-call engineers and senders send, checks each answer, stops it; exit code 1 on a failure.
# Usage: scripts/smoke-dev.sh [java]   (API 18090, admin 18091, Temporal 17290; needs curl, python3)
JAVA=${1:-java}
P=18090; A=18091
WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT
LOG=$WORK/dev.log
T='Authorization: Bearer dev-token'
J='Content-Type: application/json'
pass=0; fail=0
check() { # name expected actual
  if [ "$2" = "$3" ]; then pass=$((pass+1)); echo "ok   $1"; else fail=$((fail+1)); echo "FAIL $1: expected $2, got $3"; fi
}
status() { curl -s -o $WORK/body -w '%{http_code}' "$@"; }
PORT=$P ADMIN_PORT=$A TEMPORAL_DEV_PORT=17290 $JAVA -jar api/target/incidentflow.jar dev > $LOG 2>&1 &
PID=$!
for i in $(seq 1 120); do curl -s -o /dev/null http://127.0.0.1:$A/healthcheck && break; sleep 1; done
check "healthcheck" 200 "$(status http://127.0.0.1:$A/healthcheck)"
check "alertmanager fixture" 202 "$(status -H "$T" -H "$J" --data @../shared/fixtures/alertmanager-firing.json http://127.0.0.1:$P/v1/alerts/alertmanager)"
check "alertmanager again" 202 "$(status -H "$T" -H "$J" --data @../shared/fixtures/alertmanager-firing.json http://127.0.0.1:$P/v1/alerts/alertmanager)"
check "grafana fixture" 202 "$(status -H "$T" -H "$J" --data @../shared/fixtures/grafana-firing.json http://127.0.0.1:$P/v1/alerts/grafana)"
check "no token" 401 "$(status -H "$J" --data @../shared/fixtures/alertmanager-firing.json http://127.0.0.1:$P/v1/alerts/alertmanager)"
check "no token: JSON body" 1 "$(grep -c '"error"' $WORK/body)"
check "malformed JSON" 400 "$(status -H "$T" -H "$J" -d '{"title":' http://127.0.0.1:$P/v1/incidents)"
check "malformed JSON: JSON body" 1 "$(grep -c '"error"' $WORK/body)"
head -c 2097152 /dev/zero | tr '\0' 'a' > $WORK/big
check "2 MiB body" 413 "$(status -H "$T" -H "$J" --data-binary @$WORK/big http://127.0.0.1:$P/v1/incidents)"
check "TRACE" 405 "$(status -X TRACE -H "$T" http://127.0.0.1:$P/v1/incidents)"
D='{"title":"Checkout latency","severity":"SEV2","service":"checkout","declaredBy":"carol"}'
s=$(status -H "$T" -H "$J" -H 'Idempotency-Key: smoke-1' -d "$D" http://127.0.0.1:$P/v1/incidents)
case $s in 201|202) check "declare" ok ok;; *) check "declare" "201 or 202" $s;; esac
sleep 3
s=$(status -H "$T" -H "$J" -H 'Idempotency-Key: smoke-1' -d "$D" http://127.0.0.1:$P/v1/incidents)
check "declare again, same key" 200 "$s"
ID=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["id"])' "$WORK/body" 2>/dev/null)
check "the key's incident has an id" 1 "$(echo "$ID" | grep -c '^INC-[0-9]*$')"
check "same key, another title" 409 "$(status -H "$T" -H "$J" -H 'Idempotency-Key: smoke-1' -d '{"title":"Other","severity":"SEV2","service":"checkout","declaredBy":"carol"}' http://127.0.0.1:$P/v1/incidents)"
check "list" 200 "$(status -H "$T" "http://127.0.0.1:$P/v1/incidents?limit=50")"
check "list has 3 incidents" 3 "$(python3 -c 'import json,sys;print(len(json.load(open(sys.argv[1]))))' "$WORK/body")"
check "one incident" 200 "$(status -H "$T" http://127.0.0.1:$P/v1/incidents/$ID)"
check "unknown incident" 404 "$(status -H "$T" http://127.0.0.1:$P/v1/incidents/INC-999)"
check "acknowledge" 200 "$(status -H "$T" -H "$J" -d '{"by":"alice","note":"looking"}' http://127.0.0.1:$P/v1/incidents/$ID/acknowledge)"
s=$(status -H "$T" -H "$J" -H 'Idempotency-Key: item-1' -d '{"title":"Add an alert on p99","owner":"alice","due":"2030-01-01","kind":"improvement","by":"alice"}' http://127.0.0.1:$P/v1/incidents/$ID/action-items)
case $s in 200|201|202) check "action item" ok ok;; *) check "action item" "2xx" "$s $(cat $WORK/body)";; esac
check "resolve" 200 "$(status -H "$T" -H "$J" -d '{"by":"alice","note":"rolled back"}' http://127.0.0.1:$P/v1/incidents/$ID/resolve)"
check "acknowledge after resolve" 409 "$(status -H "$T" -H "$J" -d '{"by":"alice","note":"late"}' http://127.0.0.1:$P/v1/incidents/$ID/acknowledge)"
check "history" 200 "$(status -H "$T" http://127.0.0.1:$P/v1/incidents/$ID/history)"
check "postmortems" 200 "$(status -H "$T" http://127.0.0.1:$P/v1/postmortems)"
check "metrics API" 200 "$(status -H "$T" http://127.0.0.1:$P/v1/metrics/incidents)"
check "admin metrics" 200 "$(status http://127.0.0.1:$A/metrics)"
check "no ERROR in the log" 0 "$(grep -c '^ERROR' $LOG)"
kill $PID; wait $PID 2>/dev/null; PID=
echo "passed $pass, failed $fail"
[ "$fail" -eq 0 ] || { echo "--- the log's last lines:"; tail -n 30 $LOG; }
[ "$fail" -eq 0 ]
