#!/usr/bin/env bash
# `make demo`: a CornLake harvest log as CSV, converted to Parquet (zstd), inspected, and converted
# to JSON Lines.
#
#   demo.sh [PATH-TO-lagoa]     (default: .build/release/lagoa)
#
# Works in a fresh temporary folder, removed at the end (kept with LAGOA_DEMO_KEEP=1).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lagoa=${1:-$root/.build/release/lagoa}
if [ ! -x "$lagoa" ]; then
    echo "demo: no lagoa binary at $lagoa; run 'make demo' (or: swift build -c release --product lagoa)" >&2
    exit 1
fi
lagoa="$(cd "$(dirname "$lagoa")" && pwd)/$(basename "$lagoa")"  # absolute: the demo changes folder

work=$(mktemp -d "${TMPDIR:-/tmp}/lagoa-demo.XXXXXX")
if [ "${LAGOA_DEMO_KEEP:-0}" = 1 ]; then
    echo "demo: files kept in $work"
else
    trap 'rm -rf "$work"' EXIT
fi
cd "$work"

# 500 harvests from 12 farms: integers, text with commas, quotes and accents, dates, decimals,
# booleans and empty (null) fields. Deterministic: the same file on every run.
awk 'BEGIN {
    srand(2024)
    split("Fazenda São João|Prairie Rose Farm|Milho Verde|Dos Rios Cooperative|Old Mill Acres|Lagoa Azul|Sunny Slope|Três Irmãos|Blackwater Fields|Cerrado Alto|Maple Hollow|Vale do Sol", farm, "|")
    split("corn|soybean|wheat|sorghum|cotton|coffee", crop, "|")
    split("|Dry spell in March, irrigated twice|Buyer said \"\"excellent\"\"|Hail damage, ~10% loss|Organic, certified by IBD|Late planting; \"\"safrinha\"\" crop|", note, "|")
    print "harvest_id,farm_id,farm,crop,harvest_date,tonnes,price_per_tonne,certified,notes"
    for (i = 1; i <= 500; i++) {
        f = int(rand() * 12) + 1
        c = crop[int(rand() * 6) + 1]
        month = int(rand() * 12) + 1
        day = int(rand() * 28) + 1
        year = 2021 + int(rand() * 4)
        tonnes = sprintf("%.3f", 5 + rand() * 900)
        price = (rand() < 0.05) ? "" : sprintf("%.2f", 120 + rand() * 480)
        certified = (rand() < 0.4) ? "true" : "false"
        n = note[int(rand() * 7) + 1]
        printf "%d,%d,\"%s\",%s,%04d-%02d-%02d,%s,%s,%s,", i, f, farm[f], c, year, month, day, tonnes, price, certified
        if (n == "") print ""; else printf "\"%s\"\n", n
    }
}' > harvest.csv

# Runs `lagoa ARGS...`, echoing the command as a user would type it.
run() {
    echo
    echo "\$ lagoa $*"
    "$lagoa" "$@"
}

echo "demo: $(wc -l < harvest.csv) lines of CSV in $work/harvest.csv; the first few:"
head -n 4 harvest.csv
run convert harvest.csv harvest.parquet --compression zstd --type 'tonnes=decimal(9,3)' --type 'price_per_tonne=decimal(8,2)'
echo "($(wc -c < harvest.csv) bytes of CSV -> $(wc -c < harvest.parquet) bytes of Parquet)"
run parquet schema harvest.parquet
run parquet stats harvest.parquet
run parquet head -n 5 harvest.parquet
run convert harvest.parquet harvest.jsonl
echo
echo "\$ head -n 3 harvest.jsonl"
head -n 3 harvest.jsonl

# The harvests as an Iceberg table in ./warehouse (SQLite catalog), partitioned by year of harvest:
# append, an idempotent reload of one crop's partition... then time travel and a branch published.
echo
echo "demo: the harvests as an Apache Iceberg table"
awk -F, 'NR == 1 || $4 == "coffee"' harvest.csv > coffee.csv
run namespace create cornlake.sor
run table create cornlake.sor.harvests --schema-from harvest.parquet --partition-by "year(harvest_date), crop"
run table append cornlake.sor.harvests harvest.parquet
first=$("$lagoa" table history cornlake.sor.harvests | awk '{print $2}' | tail -1)
run table overwrite cornlake.sor.harvests coffee.csv --where "crop = 'coffee'" --type 'tonnes=decimal(9,3)' --type 'price_per_tonne=decimal(8,2)'
run table overwrite cornlake.sor.harvests coffee.csv --where "crop = 'coffee'" --type 'tonnes=decimal(9,3)' --type 'price_per_tonne=decimal(8,2)'
run table scan cornlake.sor.harvests --where "crop = 'coffee' AND tonnes > 800" --columns harvest_id,farm,tonnes
run table branch cornlake.sor.harvests audit
run table delete cornlake.sor.harvests --where "certified = false AND crop = 'cotton'" --branch audit
run table publish cornlake.sor.harvests audit
run table history cornlake.sor.harvests
run table scan cornlake.sor.harvests --snapshot "$first" --where "harvest_id <= 3" --columns harvest_id,crop
run table describe cornlake.sor.harvests

# SQL over the same table and over the Parquet file by path.
echo
echo "demo: SQL"
run query "SELECT crop, count(*) AS harvests, sum(tonnes) AS tonnes, round(avg(price_per_tonne), 2) AS avg_price FROM cornlake.sor.harvests GROUP BY crop ORDER BY tonnes DESC"
run query "SELECT h.crop, count(*) AS certified_2023 FROM 'harvest.parquet' AS h WHERE h.certified AND extract(year FROM h.harvest_date) = 2023 GROUP BY ALL ORDER BY 2 DESC LIMIT 3" --format csv
run query "EXPLAIN SELECT farm, sum(tonnes) FROM cornlake.sor.harvests WHERE crop = 'coffee' GROUP BY farm"
