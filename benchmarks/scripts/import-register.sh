#!/usr/bin/env bash
# Imports a generated register through the HTTP API of a freshly started app and reports rows/s and peak memory.
#   benchmarks/scripts/import-register.sh [county|city]
# Uses a throwaway SQLite data folder. Run from the repository root. Afterwards, 16 clients search the register for
# 20 s (names, USCC fragments, licence numbers) with benchmarks/Shian.Load and report latency percentiles.
set -euo pipefail
scale="${1:-city}"
work="$(mktemp -d)"
port=5099
dotnet build -c Release src/Shian -v q -nologo >/dev/null
dll=src/Shian/bin/Release/net10.0/Shian.dll
dotnet "$dll" demo generate --scale "$scale" --out "$work/register.xlsx"
Shian__DataDir="$work" Demo__Seed=true Demo__Force=true Security__AdminsRequireTwoFactor=false ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"userName":"admin","password":"Shian-Demo-2026"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])')
start=$(date +%s.%N)
location=$(curl -sf -i -X POST "http://127.0.0.1:$port/api/v1/business-imports" -H "Authorization: Bearer $token" \
  -F "file=@$work/register.xlsx" | tr -d '\r' | awk 'tolower($1)=="location:"{print $2}')
while true; do
  state=$(curl -sf "http://127.0.0.1:$port$location" -H "Authorization: Bearer $token")
  status=$(echo "$state" | python3 -c 'import sys,json;print(json.load(sys.stdin)["status"])')
  [[ "$status" == Completed || "$status" == Failed ]] && break
  sleep 1
done
end=$(date +%s.%N)
# The import's RegisterImported event grades every new business (Risk): wait until all have a grade.
rows=$(echo "$state" | python3 -c 'import sys,json;print(json.load(sys.stdin)["imported"])')
while true; do
  graded=$(curl -sf "http://127.0.0.1:$port/api/v1/risk/summary" -H "Authorization: Bearer $token" | python3 -c 'import sys,json;print(sum(json.load(sys.stdin).values()))')
  [[ "$graded" -ge "$rows" ]] && break
  sleep 1
done
graded_at=$(date +%s.%N)
# A full re-grade with nothing changed (the nightly pass on a quiet day).
curl -sf -X POST "http://127.0.0.1:$port/api/v1/risk/recompute" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' >/dev/null
regraded_at=$(date +%s.%N)
peak=$(awk '/VmHWM/{print $2/1024 " MB"}' "/proc/$app/status")
echo "$state" | python3 -c 'import sys,json;d=json.load(sys.stdin);print(d["status"],d["message"])'
python3 -c "import sys;rows=$(echo "$state" | python3 -c 'import sys,json;print(json.load(sys.stdin)["total"])');t=$end-$start;print(f'{rows} rows in {t:.1f} s = {rows/t:,.0f} rows/s')"
python3 -c "print(f'first grading of the imported rows: {$graded_at-$end:.1f} s; full re-grade with no change: {$regraded_at-$graded_at:.1f} s')"
echo "peak working set of the app: $peak"
dotnet build -c Release benchmarks/Shian.Load -v q -nologo >/dev/null
paths=()
for q in 福源 超市 酒店 鑫盛小吃 河东 JY2210503000123 91210502MA 顺和 农贸市场 小学食堂; do
  paths+=("/api/v1/businesses?q=$(python3 -c "import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1]))" "$q")&pageSize=20")
done
paths+=("/api/v1/businesses?regionCode=210503000000&pageSize=50" "/api/v1/businesses?kind=SchoolCanteen&pageSize=50")
dotnet benchmarks/Shian.Load/bin/Release/net10.0/Shian.Load.dll "http://127.0.0.1:$port" "$token" 20 16 "${paths[@]}"
