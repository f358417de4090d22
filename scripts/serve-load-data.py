#!/usr/bin/env python3
"""Inputs for the load and memory measurements of `antrean serve` (scripts/serve-load.sh, serve-memory.sh).

  serve-load-data.py config DIR [--slot-capacity N]
      DIR/config.json: the bundled replay configuration's rules and services (Simulations/replay/config.json)
      over Samarinda's 59 kelurahan offices (Simulations/data/kelurahan.csv), secrets in DIR/pepper and
      DIR/token (made by `antrean secrets generate`). A generous slot capacity by default, so that a
      load run measures the server rather than running out of places. Prints the office ids, one a line.
  serve-load-data.py year OUT.jsonl [--bookings N] [--first-day 2026-01-05] [--seed S] [--keys uuid|short]
      A year of the city's bookings as `antrean replay` requests: N new citizens (distinct, valid NIKs),
      each booking `ktp` at a home office drawn in proportion to the kelurahan's population, spread over the
      working hours of the year's weekdays, and one `release_no_shows` per day (as the server's timer
      would), so the store looks like a year of service. Each request carries an idempotency key: a random
      UUID, as portals send (the default), or `year-N` (`short`, which Swift stores inline, so memory is
      lower than a portal's keys give). Every random choice comes from --seed.
"""
import argparse
import csv
import datetime
import json
import os
import random
import re
import sys
import uuid

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def kelurahan():
    with open(os.path.join(ROOT, "Simulations", "data", "kelurahan.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    return [
        {"id": "kel-" + slug(r["kelurahan"]), "kecamatan": slug(r["kecamatan"]),
         "population": int(r["population"]) if r["population"].strip() else 5000}
        for r in rows
    ]


def write_config(directory, slot_capacity):
    with open(os.path.join(ROOT, "Simulations", "replay", "config.json")) as f:
        bundled = json.load(f)
    offices = [
        {"id": o["id"], "kecamatan": o["kecamatan"],
         "services": [{"service": "ktp", "counters": 2, "slotCapacity": slot_capacity},
                      {"service": "kk", "counters": 1}]}
        for o in kelurahan()
    ]
    config = {
        "offices": offices,
        "services": bundled["services"],
        "rules": bundled["rules"],
        "nikPepperFile": "pepper",
        "tokenKeys": [{"id": "load", "secretFile": "token"}],
    }
    with open(os.path.join(directory, "config.json"), "w") as f:
        json.dump(config, f, indent=1)
    for o in offices:
        print(o["id"])


def nik(number):
    """A distinct valid NIK per number: region 647202, birth date DD MM YY in mixed radix, serial."""
    serial = number % 9999 + 1
    number //= 9999
    day = number % 28 + 1
    number //= 28
    month = number % 12 + 1
    year = number // 12 % 100
    return f"647202{day:02d}{month:02d}{year:02d}{serial:04d}"


def write_year(path, bookings, first_day, seed, key_form):
    rng = random.Random(seed)
    # A stream of its own, so that the key form changes nothing else.
    key_rng = random.Random(seed + 1)
    offices = kelurahan()
    weights = [o["population"] for o in offices]
    days = [first_day + datetime.timedelta(days=d) for d in range(365)]
    weekdays = [d for d in days if d.weekday() < 5]
    per_day = [bookings // len(weekdays) + (1 if i < bookings % len(weekdays) else 0) for i in range(len(weekdays))]
    number = 0
    with open(path, "w") as out:
        for day, count in zip(weekdays, per_day):
            out.write(json.dumps({"op": "release_no_shows", "at": f"{day}T06:00:00+08:00"}) + "\n")
            # Requests arrive over the working day (07:00-16:00), in time order.
            seconds = sorted(rng.randrange(7 * 3600, 16 * 3600) for _ in range(count))
            homes = rng.choices(offices, weights=weights, k=count)
            for second, home in zip(seconds, homes):
                at = f"{day}T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}+08:00"
                key = str(uuid.UUID(int=key_rng.getrandbits(128), version=4)) if key_form == "uuid" else f"year-{number}"
                out.write(json.dumps({"op": "book", "at": at, "nik": nik(number), "office": home["id"],
                                      "service": "ktp", "idempotency_key": key}) + "\n")
                number += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    config = commands.add_parser("config")
    config.add_argument("directory")
    config.add_argument("--slot-capacity", type=int, default=20)
    year = commands.add_parser("year")
    year.add_argument("output")
    year.add_argument("--bookings", type=int, default=400_000)
    year.add_argument("--first-day", type=datetime.date.fromisoformat, default=datetime.date(2026, 1, 5))
    year.add_argument("--seed", type=int, default=19)
    year.add_argument("--keys", choices=["uuid", "short"], default="uuid")
    args = parser.parse_args()
    if args.command == "config":
        write_config(args.directory, args.slot_capacity)
    else:
        write_year(args.output, args.bookings, args.first_day, args.seed, args.keys)


if __name__ == "__main__":
    sys.exit(main())
