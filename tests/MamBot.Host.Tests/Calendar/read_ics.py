"""Reads an .ics file with Debian's python3-icalendar (a parser nobody here wrote) and prints what a phone would use, as JSON."""
import json
import sys

from icalendar import Calendar


def text(value):
    """A property as written in the file (icalendar returns bytes or str depending on the type)."""
    written = value.to_ical()
    return written.decode() if isinstance(written, bytes) else written


with open(sys.argv[1], "rb") as f:
    calendar = Calendar.from_ical(f.read())

zones = [
    {"tzid": str(z["TZID"]), "parts": [
        {"kind": p.name, "from": text(p["TZOFFSETFROM"]), "to": text(p["TZOFFSETTO"]), "rrule": text(p["RRULE"])}
        for p in z.subcomponents]}
    for z in calendar.walk("VTIMEZONE")]
events = [
    {"uid": str(e["UID"]), "sequence": int(e.get("SEQUENCE", 0)), "status": str(e.get("STATUS", "")),
     "summary": str(e["SUMMARY"]), "start": e["DTSTART"].dt.isoformat(), "tzid": e["DTSTART"].params.get("TZID"),
     "alarms": sorted(text(a["TRIGGER"]) for a in e.walk("VALARM"))}
    for e in calendar.walk("VEVENT")]
print(json.dumps({"method": str(calendar.get("METHOD", "")), "zones": zones, "events": events}, ensure_ascii=False))
