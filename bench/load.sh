#!/usr/bin/env bash
# The load benchmark: builds WellbeingBot and a bare echo bot in Release, runs each alone on this machine, drives it with the
# load generator (32 concurrent clients by default) and prints both results and the product's share of the echo bot's rate.
# Usage: bash bench/load.sh [seconds] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}; concurrency=${2:-32}
dotnet build -c Release src/WellbeingBot >/dev/null
dotnet build -c Release bench/EchoBot >/dev/null
dotnet build -c Release bench/WellbeingBot.Benchmarks >/dev/null
data=$(mktemp -d)

run() { # name port command...
  local name=$1 port=$2; shift 2
  "$@" >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://localhost:$port/" && break; sleep 0.2; done
  local line
  line=$(dotnet bench/WellbeingBot.Benchmarks/bin/Release/net10.0/WellbeingBot.Benchmarks.dll load --url "http://localhost:$port" \
    --concurrency "$concurrency" --seconds "$seconds" --pid "$pid" | tail -1)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$name $line"
}

# Both run as deployed: Production, each with its own output folder as content root so its appsettings.json applies. The product
# runs without credentials (AllowAnonymous) like the echo bot, and with its rate limits raised out of the generator's way.
echo_out=$PWD/bench/EchoBot/bin/Release/net10.0
bot_out=$PWD/src/WellbeingBot/bin/Release/net10.0
echo_line=$(run echo 3979 env ASPNETCORE_ENVIRONMENT=Production dotnet $echo_out/EchoBot.dll --contentRoot $echo_out --urls http://localhost:3979)
bot_line=$(run wellbeingbot 3978 env ASPNETCORE_ENVIRONMENT=Production Bot__AllowAnonymous=true Storage__DataFolder="$data" \
  Knowledge__CurationFolder="$data/curation" Bot__MessagesPerMinutePerConversation=100000 Bot__RequestsPerMinutePerClient=100000000 \
  dotnet $bot_out/WellbeingBot.dll --contentRoot $bot_out --urls http://localhost:3978)
rm -rf "$data"
echo "$echo_line"
echo "$bot_line"
rate() { sed -E 's/.* rate=([0-9]+)\/s.*/\1/' <<<"$1"; }
echo "share of the echo bot's rate: $(( 100 * $(rate "$bot_line") / $(rate "$echo_line") ))%"
