#!/usr/bin/env bash
# The city indicator dashboard at city scale: imports a generated 150 000-business register (as import-register.sh),
# then times /api/v1/indicators/values for the city cold (first request computes every measure) and warm (cached
# counts), and a mix of the dashboard and drill-downs with 4 clients, with benchmarks/Shian.Load.
#   benchmarks/scripts/indicators-dashboard.sh [county|city]
set -euo pipefail
scale="${1:-city}"
work="$(mktemp -d)"
port=5098
dotnet build -c Release src/Shian -v q -nologo >/dev/null
dll=src/Shian/bin/Release/net10.0/Shian.dll
dotnet "$dll" demo generate --scale "$scale" --out "$work/register.xlsx"
Shian__DataDir="$work" Demo__Seed=true Demo__Force=true Security__AdminsRequireTwoFactor=false ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"userName":"admin","password":"Shian-Demo-2026"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])')
location=$(curl -sf -i -X POST "http://127.0.0.1:$port/api/v1/business-imports" -H "Authorization: Bearer $token" \
  -F "file=@$work/register.xlsx" | tr -d '\r' | awk 'tolower($1)=="location:"{print $2}')
while true; do
  status=$(curl -sf "http://127.0.0.1:$port$location" -H "Authorization: Bearer $token" | python3 -c 'import sys,json;print(json.load(sys.stdin)["status"])')
  [[ "$status" == Completed || "$status" == Failed ]] && break
  sleep 1
done
curl -sf "http://127.0.0.1:$port/api/v1/indicators/values?regionCode=210500000000" -H "Authorization: Bearer $token" -o /dev/null -w "city dashboard, first request after the import: %{time_total} s\n"
sleep 1
# Cold again: a new year's counts were never asked for (2025), so every measure is computed.
cold=$(curl -sf "http://127.0.0.1:$port/api/v1/indicators/values?regionCode=210500000000&year=2025" -H "Authorization: Bearer $token" -o /dev/null -w '%{time_total}')
echo "city dashboard, cold (every measure computed): ${cold} s"
dotnet build -c Release benchmarks/Shian.Load -v q -nologo >/dev/null
load=benchmarks/Shian.Load/bin/Release/net10.0/Shian.Load.dll
echo "city dashboard, warm, 1 client:"
dotnet "$load" "http://127.0.0.1:$port" "$token" 20 1 "/api/v1/indicators/values?regionCode=210500000000"
echo "dashboard and drill-downs mixed, warm, 4 clients:"
dotnet "$load" "http://127.0.0.1:$port" "$token" 20 4 "/api/v1/indicators/values?regionCode=210500000000" \
  "/api/v1/indicators/values?regionCode=210503000000" "/api/v1/indicators/inspection.coverage?regionCode=210500000000" \
  "/api/v1/indicators/duty.open-kitchen?regionCode=210503000000" "/api/v1/indicators/sampling.pass-rate?regionCode=210500000000"
echo "peak working set of the app: $(awk '/VmHWM/{print $2/1024 " MB"}' "/proc/$app/status")"
