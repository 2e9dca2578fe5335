#!/usr/bin/env bash
# The load benchmark: builds WellbeingBot and a bare echo bot in Release, starts both on this machine, warms each up in turn and
# then drives them in alternating windows (the load generator, 32 concurrent clients by default), so both are measured through
# the same spells of a shared machine's noise. Prints both results and the product's share of the echo bot's rate.
# Usage: bash bench/load.sh [seconds measured per bot] [concurrency] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}; concurrency=${2:-32}; rounds=${3:-4}
dotnet build -c Release src/WellbeingBot >/dev/null
dotnet build -c Release bench/EchoBot >/dev/null
dotnet build -c Release bench/WellbeingBot.Benchmarks >/dev/null
data=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$data"' EXIT

start() { # port command...
  local port=$1; shift
  "$@" >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://localhost:$port/" && return; sleep 0.2; done
  echo "the bot on port $port did not start" >&2; exit 1
}

# Both run as deployed: Production, each with its own output folder as content root so its appsettings.json applies. The product
# runs without credentials (AllowAnonymous) like the echo bot, and with its rate limits raised out of the generator's way.
echo_out=$PWD/bench/EchoBot/bin/Release/net10.0
bot_out=$PWD/src/WellbeingBot/bin/Release/net10.0
start 3979 env ASPNETCORE_ENVIRONMENT=Production dotnet $echo_out/EchoBot.dll --contentRoot $echo_out --urls http://localhost:3979
start 3978 env ASPNETCORE_ENVIRONMENT=Production Bot__AllowAnonymous=true Storage__DataFolder="$data" \
  Knowledge__CurationFolder="$data/curation" Bot__MessagesPerMinutePerConversation=100000 Bot__RequestsPerMinutePerClient=100000000 \
  dotnet $bot_out/WellbeingBot.dll --contentRoot $bot_out --urls http://localhost:3978
lines=$(dotnet bench/WellbeingBot.Benchmarks/bin/Release/net10.0/WellbeingBot.Benchmarks.dll load \
  --target "echo=http://localhost:3979,${pids[0]}" --target "wellbeingbot=http://localhost:3978,${pids[1]}" \
  --concurrency "$concurrency" --seconds "$seconds" --rounds "$rounds" | tail -2)
echo "$lines"
rate() { grep "^$1:" <<<"$lines" | sed -E 's/.* rate=([0-9]+)\/s.*/\1/'; }
echo "share of the echo bot's rate: $(( 100 * $(rate wellbeingbot) / $(rate echo) ))%"
