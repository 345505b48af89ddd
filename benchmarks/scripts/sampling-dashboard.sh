#!/usr/bin/env bash
# The city pass-rate dashboard over 45 000 samples (issue 7 target < 300 ms): starts the app on a throwaway SQLite
# folder with the demo register (3 000 businesses) and Demo:Samples generated samples with results, then measures
# GET /api/v1/sampling/stats for the whole city (and one district, and a category drill-down) with one client and with
# four, using benchmarks/Shian.Load.
#   benchmarks/scripts/sampling-dashboard.sh [samples]      (default 45000; run from the repository root)
set -euo pipefail
samples="${1:-45000}"
work="$(mktemp -d)"
port=5098
dotnet build -c Release src/Shian -v q -nologo >/dev/null
dotnet build -c Release benchmarks/Shian.Load -v q -nologo >/dev/null
dll=src/Shian/bin/Release/net10.0/Shian.dll
start=$(date +%s.%N)
Shian__DataDir="$work" Demo__Seed=true Demo__Force=true Demo__Register=3000 Demo__Samples="$samples" Risk__NightlyJob=false ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
ready=$(date +%s.%N)
python3 -c "print(f'start-up with {$samples} demo samples generated: {$ready-$start:.1f} s')"
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"userName":"coordinator@210500","password":"Shian-Demo-2026"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])')
curl -sf "http://127.0.0.1:$port/api/v1/sampling/stats?regionCode=210500000000&from=2020-01-01" -H "Authorization: Bearer $token" \
  | python3 -c 'import sys,json;d=json.load(sys.stdin);print("samples in the city dashboard:",d["overall"]["samples"],"pass rate",d["overall"]["passRate"],"%")'
city="/api/v1/sampling/stats?regionCode=210500000000&from=2020-01-01"
echo "city dashboard, 1 client:"
dotnet benchmarks/Shian.Load/bin/Release/net10.0/Shian.Load.dll "http://127.0.0.1:$port" "$token" 15 1 "$city"
echo "city, district and category drill-down, 4 clients:"
dotnet benchmarks/Shian.Load/bin/Release/net10.0/Shian.Load.dll "http://127.0.0.1:$port" "$token" 15 4 "$city" \
  "/api/v1/sampling/stats?regionCode=210503000000&from=2020-01-01" "/api/v1/sampling/stats?regionCode=210500000000&from=2020-01-01&category=VEG"
echo "peak working set of the app: $(awk '/VmHWM/{print $2/1024 " MB"}' "/proc/$app/status")"
