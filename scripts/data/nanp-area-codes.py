# Derives lib/sms/data/nanp-area-codes.json from Google libphonenumber's data (Debian's python3-phonenumbers for the
# geocoding and regions, lib/sms/data/phone-timezones.json for the zones), plus the hand-kept tables below.
# Run: /usr/bin/python3 scripts/data/nanp-area-codes.py lib/sms/data/phone-timezones.json lib/sms/data/nanp-area-codes.json
import json, re, sys
from collections import defaultdict
import phonenumbers
from phonenumbers import geocoder

tz = json.load(open(sys.argv[1]))
STATES = {"Alabama":"AL","Alaska":"AK","Arizona":"AZ","Arkansas":"AR","California":"CA","Colorado":"CO","Connecticut":"CT","Delaware":"DE","Florida":"FL","Georgia":"GA","Hawaii":"HI","Idaho":"ID","Illinois":"IL","Indiana":"IN","Iowa":"IA","Kansas":"KS","Kentucky":"KY","Louisiana":"LA","Maine":"ME","Maryland":"MD","Massachusetts":"MA","Michigan":"MI","Minnesota":"MN","Mississippi":"MS","Missouri":"MO","Montana":"MT","Nebraska":"NE","Nevada":"NV","New Hampshire":"NH","New Jersey":"NJ","New Mexico":"NM","New York":"NY","North Carolina":"NC","North Dakota":"ND","Ohio":"OH","Oklahoma":"OK","Oregon":"OR","Pennsylvania":"PA","Rhode Island":"RI","South Carolina":"SC","South Dakota":"SD","Tennessee":"TN","Texas":"TX","Utah":"UT","Vermont":"VT","Virginia":"VA","Washington State":"WA","Washington D.C.":"DC","West Virginia":"WV","Wisconsin":"WI","Wyoming":"WY","Philadelphia":"PA",
 "Alberta":"AB","British Columbia":"BC","Manitoba":"MB","New Brunswick":"NB","Newfoundland and Labrador":"NL","Nova Scotia/Prince Edward Island":"NS","Northwest Territories/Nunavut/Yukon":"NT","Ontario":"ON","Quebec":"QC","Saskatchewan":"SK",
 "Puerto Rico":"PR","Guam":"GU","U.S. Virgin Islands":"VI","Northern Mariana Islands":"MP"}
TERRITORIES = {"PR","GU","VI","AS","MP"}
# Codes newer than the geocoding data (overlays opened since), from the NANP administrator's assignments.
NEW = {"227":("US","MD"),"235":("US","MO"),"257":("CA","BC"),"274":("US","WI"),"324":("US","FL"),"327":("US","AR"),"329":("US","NY"),"350":("US","CA"),"353":("US","WI"),"354":("CA","QC"),"363":("US","NY"),"369":("US","CA"),"382":("CA","ON"),"428":("CA","NB"),"472":("US","NC"),"557":("US","MO"),"645":("US","FL"),"683":("CA","ON"),"686":("US","VA"),"728":("US","FL"),"730":("US","IL"),"738":("US","CA"),"748":("US","CO"),"821":("US","SC"),"835":("US","PA"),"879":("CA","NL"),"942":("CA","ON"),"975":("US","MO"),"983":("US","CO")}
# Codes whose numbers span zones with different clocks: the zone most of their numbers keep.
ZONE = {"907":"America/Anchorage","605":"America/Chicago","701":"America/Chicago","709":"America/St_Johns","879":"America/St_Johns","775":"America/Los_Angeles","986":"America/Boise","208":"America/Boise","310":"America/Los_Angeles","353":"America/Chicago","738":"America/Los_Angeles",
 # libphonenumber maps 689 (the Orlando overlay of 407/321) to Central time; Orlando keeps Eastern.
 "689":"America/New_York",
 # Where most of a code's listed exchanges keep another clock than libphonenumber's fallback for it.
 "219":"America/Chicago","270":"America/Chicago","423":"America/New_York","850":"America/Chicago"}
# Geographic codes the zone map has no 4-digit entry for (finer prefixes only, or too new). 273 (CA),
# valid for libphonenumber-js, is left out until a source names its province.
EXTRA = ["208","310","353","738"]

codes = sorted({k[1:4] for k in tz if k.startswith("1") and len(k) >= 4} | set(EXTRA))
out = {}
for ac in codes:
    if ac[0] in "01" or ac[1:] == "11" or ac in ("500","521","522","523","524","525","526","527","528","529","532","533","544","566","577","588","600","622","633","700","800","833","844","855","866","877","888","900"): continue
    regions = defaultdict(int); names = defaultdict(int)
    for ex in ["201","234","456","555","789","870","312","647","963"]:
        n = phonenumbers.parse("+1" + ac + ex + "4567")
        r = phonenumbers.region_code_for_number(n)
        if r: regions[r] += 1
        d = geocoder.description_for_number(n, "en")
        if d: names[d] += 1
    country = max(regions, key=regions.get) if regions else None
    region = None
    for d in sorted(names, key=lambda d: -names[d]):
        if d in STATES: region = STATES[d]; break
        m = re.search(r", ([A-Z]{2})$", d)
        if m: region = m.group(1); break
    if ac in NEW: country, region = NEW[ac]
    if country in TERRITORIES: region = country
    if country is None: print("no country", ac, file=sys.stderr); continue
    if country in ("US", "CA") and region is None: print("no region", ac, file=sys.stderr); continue
    # zone: the 4-digit entry, unless longer prefixes cover most of the code
    weights = defaultdict(float); covered = 0.0
    for k, v in tz.items():
        if k.startswith("1" + ac) and len(k) > 4:
            w = 10.0 ** -(len(k) - 4); covered += w
            for z in v.split("&"): weights[z] += w / len(v.split("&"))
    base = tz.get("1" + ac)
    if base:
        for z in base.split("&"): weights[z] += max(0.0, 1 - covered) / len(base.split("&"))
    zone = ZONE.get(ac) or (max(weights, key=weights.get) if weights else None)
    if ac not in ZONE and base and "&" in base: print("ambiguous", ac, base, file=sys.stderr)
    if not zone: print("no zone", ac, file=sys.stderr); continue
    out[ac] = {"country": country, "region": region, "timeZone": zone}
with open(sys.argv[2], "w") as f:
    f.write("{\n" + ",\n".join("  %s: %s" % (json.dumps(k), json.dumps(v, separators=(", ", ": "))) for k, v in sorted(out.items())) + "\n}\n")
print(len(out), file=sys.stderr)
