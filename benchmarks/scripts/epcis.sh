#!/usr/bin/env bash
# EPCIS 2.0 capture throughput (issue #18 §4: 100-event JSON-LD documents at 1 and 4 clients with validation on, target
# ≥ 14 000 events/s on 2 cores; the same events by raw COPY into the same indexed tables for the ratio, target ≥ 50 %),
# and the one-EPC / one-lot queries at the size the runs leave.
# Starts a throwaway PostgreSQL 15 cluster (durable: fsync and synchronous_commit on) and the app in Release on it with
# the demo register and the demo trace chain (the demo restaurant holds GS1 company prefix 6907777), then
#   1. wrk POSTs documents of 100 commissioning events (each event new: its own serial number; no eventID, so the server
#      computes each CBV 2.0 event hash) to /api/v1/epcis/capture as business@210503, 1 and 4 connections, 30 s each;
#   2. copies the stored events and their key rows out and COPYs them (binary) into empty tables of the same shape and
#      indexes: the database's own ceiling for these rows;
#   3. GET /api/v1/epcis/events?MATCH_epc=… (one EPC) and ?EQ_ILMD_cbvmda:lotNumber=… (one lot) with benchmarks/Shian.Load.
#   benchmarks/scripts/epcis.sh            (run from the repository root; needs wrk and /usr/lib/postgresql/15/bin)
set -euo pipefail
work="$(mktemp -d)"
port=5098
bin=/usr/lib/postgresql/15/bin
pgport=55498
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
dotnet build -c Release src/Shian -v q -nologo >/dev/null
dotnet build -c Release benchmarks/Shian.Load -v q -nologo >/dev/null
dll=src/Shian/bin/Release/net10.0/Shian.dll
load=benchmarks/Shian.Load/bin/Release/net10.0/Shian.Load.dll
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -d "$work/pg" ] && as_pg "$bin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/sock" && [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$work"
as_pg "$bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $pgport -k $work/sock -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_connections=200" start >/dev/null
as_pg "$bin/psql" -h 127.0.0.1 -p $pgport -U postgres -qc "CREATE DATABASE shian" >/dev/null
psql_shian() { as_pg "$bin/psql" -h 127.0.0.1 -p $pgport -U postgres -d shian -qtAX "$@"; }

env Database__Provider=Postgres "ConnectionStrings__Shian=Host=127.0.0.1;Port=$pgport;Database=shian;Username=postgres;Maximum Pool Size=64" \
  Shian__DataDir="$work" Demo__Seed=true Demo__Force=true Demo__Register=3000 Demo__Traceability=true Risk__NightlyJob=false \
  Security__AdminsRequireTwoFactor=false ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; kill -0 $app 2>/dev/null || { tail -20 "$work/app.log"; exit 1; }; sleep 1; done

token() {
  curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"userName\":\"$1\",\"password\":\"Shian-Demo-2026\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])'
}
business=$(token business@210503)
officer=$(token officer@210503)

cat >"$work/capture.lua" <<'LUA'
-- A document of 100 commissioning events of the demo restaurant (GS1 company prefix 6907777), each event new: its serial
-- number is the thread, the request and the event's place in the document; one lot per document.
local counter = 0
local threads = {}
function setup(thread) thread:set("tid", #threads + 1); table.insert(threads, thread) end
local head = '{"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],"type":"EPCISDocument","schemaVersion":"2.0",' ..
  '"creationDate":"2026-11-20T08:00:00+08:00","epcisBody":{"eventList":['
function request()
  counter = counter + 1
  local base = ((run * 10 + tid) * 10000000 + counter) * 100
  local parts = {}
  for i = 0, 99 do
    parts[i + 1] = string.format('{"type":"ObjectEvent","eventTime":"2026-11-20T08:%02d:%02d.%03d+08:00","eventTimeZoneOffset":"+08:00","action":"ADD",' ..
      '"epcList":["urn:epc:id:sgtin:6907777.012345.%d"],"bizStep":"commissioning","disposition":"active",' ..
      '"readPoint":{"id":"urn:epc:id:sgln:6907777.00001.0"},"bizLocation":{"id":"urn:epc:id:sgln:6907777.00001.0"},' ..
      '"ilmd":{"cbvmda:lotNumber":"BENCH-%d-%d-%d","cbvmda:itemExpirationDate":"2027-05-20"}}', counter % 60, i % 60, i, base + i, run, tid, counter)
  end
  return wrk.format("POST", "/api/v1/epcis/capture", { ["Content-Type"] = "application/ld+json", ["Authorization"] = "Bearer " .. token },
    head .. table.concat(parts, ",") .. "]}}")
end
function done(summary, latency, requests)
  io.write(string.format("  non-2xx/3xx: %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f events/s\n", summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    (summary.requests - summary.errors.status) * 100 / (summary.duration / 1000000)))
end
LUA
sed -i "1i token = \"$business\"" "$work/capture.lua"
run=0
for c in 1 4; do
  run=$((run + 1))
  sed -i "/^run = /d" "$work/capture.lua" && sed -i "2i run = $run" "$work/capture.lua"
  echo "capture, 100-event JSON-LD documents, wrk 30 s, $c connection(s):"
  wrk -t1 -c$c -d30s --latency -s "$work/capture.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|non-2xx|Socket errors"
done
events=$(psql_shian -c "SELECT count(*) FROM trace_events WHERE business_uscc IS NOT NULL AND event_id LIKE 'ni:///%'")
keys=$(psql_shian -c "SELECT count(*) FROM trace_event_keys k JOIN trace_events e ON e.id = k.event_pk WHERE e.event_id LIKE 'ni:///%'")
echo "stored by the runs: $events events, $keys key rows"

# The same rows by binary COPY into empty tables with the same columns and indexes.
psql_shian -c "CREATE TABLE bench_events (LIKE trace_events INCLUDING ALL); CREATE TABLE bench_keys (LIKE trace_event_keys INCLUDING ALL);"
psql_shian -c "COPY (SELECT * FROM trace_events WHERE event_id LIKE 'ni:///%') TO '$work/events.bin' (FORMAT binary)"
psql_shian -c "COPY (SELECT k.* FROM trace_event_keys k JOIN trace_events e ON e.id = k.event_pk WHERE e.event_id LIKE 'ni:///%') TO '$work/keys.bin' (FORMAT binary)"
t0=$(date +%s.%N)
psql_shian -c "COPY bench_events FROM '$work/events.bin' (FORMAT binary)"
psql_shian -c "COPY bench_keys FROM '$work/keys.bin' (FORMAT binary)"
t1=$(date +%s.%N)
python3 -c "print(f'raw binary COPY of the same rows into the same indexed tables: {($t1-$t0):.1f} s, {$events/($t1-$t0):.0f} events/s (with their $keys key rows)')"

serial=$(psql_shian -c "SELECT value FROM trace_event_keys WHERE kind = 'Epc' AND value LIKE 'https://id.gs1.org/01/06907777%' ORDER BY id DESC LIMIT 1")
lot=$(psql_shian -c "SELECT value FROM trace_event_keys WHERE kind = 'Ilmd' AND value LIKE 'BENCH-%' ORDER BY id DESC LIMIT 1")
total=$(psql_shian -c "SELECT count(*) FROM trace_events")
echo "queries over $total events, 4 clients, 15 s: one EPC ($serial), one lot ($lot):"
dotnet "$load" "http://127.0.0.1:$port" "$officer" 15 4 \
  "/api/v1/epcis/events?MATCH_epc=$(python3 -c "import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1],safe=''))" "$serial")" \
  "/api/v1/epcis/events?EQ_ILMD_cbvmda:lotNumber=$lot"
echo "peak working set of the app: $(awk '/VmHWM/{print $2/1024 " MB"}' "/proc/$app/status")"
