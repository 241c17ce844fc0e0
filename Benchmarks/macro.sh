#!/usr/bin/env bash
# End-to-end macro benchmark: generate a labelled data set of about RECORDS source records (if not there yet), load it
# into a fresh store with `mdm load` under /usr/bin/time (wall time and peak memory), then measure accuracy.
# The load prints where the time went (stage seconds). Usage: Benchmarks/macro.sh [RECORDS] [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-1000000}
dir=${2:-/tmp/mdm-macro-$records}
entities=$(( records * 100 / 218 ))   # the generator makes ~2.18 records per entity
dotnet build Mdm.sln -c Release -v quiet -nologo >/dev/null
if [ ! -f "$dir/sources.json" ]; then
  dotnet Benchmarks/bin/Release/net10.0/Mdm.Benchmarks.dll generate --entities "$entities" --seed 1000000 --out "$dir"
fi
rm -rf "$dir/mdm-data"
/usr/bin/time -f "wall %e s, peak RSS %M KB" dotnet Api/bin/Release/net10.0/mdm.dll load --config "$dir/sources.json"
/usr/bin/time -f "wall %e s, peak RSS %M KB (unchanged re-load)" dotnet Api/bin/Release/net10.0/mdm.dll load --config "$dir/sources.json" | tail -3
dotnet Api/bin/Release/net10.0/mdm.dll evaluate --config "$dir/sources.json" --truth "$dir/truth.csv"
