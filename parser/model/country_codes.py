"""The teams that ``{{fb|ENG}}``, ``{{fb-rt|GER}}``, ``{{flag|USA}}`` and the like name.

On Wikipedia these templates show a flag and the country's name, looked up from the code
in the "country data" templates; the source holds only the code. A reader without those
templates would name the team ``ENG``. This table holds the names those templates show
for the codes of FIFA's member associations (and of the confederations' non-FIFA
members, and of former national teams), plus the ISO and IOC codes that differ from
FIFA's and are common in ``{{flag|...}}``. A code it does not hold stays the team's name.
"""

from __future__ import annotations

import re

_FIFA = """
AFG Afghanistan|AUS Australia|BHR Bahrain|BAN Bangladesh|BHU Bhutan|BRU Brunei|CAM Cambodia|
CHN China|TPE Chinese Taipei|GUM Guam|HKG Hong Kong|IND India|IDN Indonesia|IRN Iran|IRQ Iraq|
JPN Japan|JOR Jordan|KUW Kuwait|KGZ Kyrgyzstan|LAO Laos|LBN Lebanon|MAC Macau|MAS Malaysia|
MDV Maldives|MNG Mongolia|MYA Myanmar|NEP Nepal|PRK North Korea|NMI Northern Mariana Islands|
OMA Oman|PAK Pakistan|PLE Palestine|PHI Philippines|QAT Qatar|KSA Saudi Arabia|SGP Singapore|
KOR South Korea|SRI Sri Lanka|SYR Syria|TJK Tajikistan|THA Thailand|TLS Timor-Leste|
TKM Turkmenistan|UAE United Arab Emirates|UZB Uzbekistan|VIE Vietnam|YEM Yemen|
ALG Algeria|ANG Angola|BEN Benin|BOT Botswana|BFA Burkina Faso|BDI Burundi|CMR Cameroon|
CPV Cape Verde|CTA Central African Republic|CHA Chad|COM Comoros|CGO Congo|COD DR Congo|
DJI Djibouti|EGY Egypt|EQG Equatorial Guinea|ERI Eritrea|SWZ Eswatini|ETH Ethiopia|GAB Gabon|
GAM Gambia|GHA Ghana|GUI Guinea|GNB Guinea-Bissau|CIV Ivory Coast|KEN Kenya|LES Lesotho|
LBR Liberia|LBY Libya|MAD Madagascar|MWI Malawi|MLI Mali|MTN Mauritania|MRI Mauritius|
MAR Morocco|MOZ Mozambique|NAM Namibia|NIG Niger|NGA Nigeria|RWA Rwanda|
STP São Tomé and Príncipe|SEN Senegal|SEY Seychelles|SLE Sierra Leone|SOM Somalia|
RSA South Africa|SSD South Sudan|SDN Sudan|TAN Tanzania|TOG Togo|TUN Tunisia|UGA Uganda|
ZAM Zambia|ZIM Zimbabwe|ZAN Zanzibar|REU Réunion|
AIA Anguilla|ATG Antigua and Barbuda|ARU Aruba|BAH Bahamas|BRB Barbados|BLZ Belize|
BER Bermuda|BOE Bonaire|VGB British Virgin Islands|CAN Canada|CAY Cayman Islands|
CRC Costa Rica|CUB Cuba|CUW Curaçao|DMA Dominica|DOM Dominican Republic|SLV El Salvador|
GUF French Guiana|GRN Grenada|GLP Guadeloupe|GUA Guatemala|GUY Guyana|HAI Haiti|HON Honduras|
JAM Jamaica|MTQ Martinique|MEX Mexico|MSR Montserrat|NCA Nicaragua|PAN Panama|PUR Puerto Rico|
SKN Saint Kitts and Nevis|LCA Saint Lucia|SMN Saint Martin|VIN Saint Vincent and the Grenadines|
SMA Sint Maarten|SXM Sint Maarten|SUR Suriname|TRI Trinidad and Tobago|
TCA Turks and Caicos Islands|USA United States|VIR U.S. Virgin Islands|
ARG Argentina|BOL Bolivia|BRA Brazil|CHI Chile|COL Colombia|ECU Ecuador|PAR Paraguay|PER Peru|
URU Uruguay|VEN Venezuela|
ASA American Samoa|COK Cook Islands|FIJ Fiji|KIR Kiribati|NCL New Caledonia|NZL New Zealand|
NIU Niue|PNG Papua New Guinea|SAM Samoa|SOL Solomon Islands|TAH Tahiti|TGA Tonga|TUV Tuvalu|
VAN Vanuatu|
ALB Albania|AND Andorra|ARM Armenia|AUT Austria|AZE Azerbaijan|BLR Belarus|BEL Belgium|
BIH Bosnia and Herzegovina|BUL Bulgaria|CRO Croatia|CYP Cyprus|CZE Czech Republic|DEN Denmark|
ENG England|EST Estonia|FRO Faroe Islands|FIN Finland|FRA France|GEO Georgia|GER Germany|
GIB Gibraltar|GRE Greece|HUN Hungary|ISL Iceland|ISR Israel|ITA Italy|KAZ Kazakhstan|
KVX Kosovo|LVA Latvia|LIE Liechtenstein|LTU Lithuania|LUX Luxembourg|MLT Malta|MDA Moldova|
MNE Montenegro|NED Netherlands|MKD North Macedonia|NIR Northern Ireland|NOR Norway|POL Poland|
POR Portugal|IRL Republic of Ireland|ROU Romania|RUS Russia|SMR San Marino|SCO Scotland|
SRB Serbia|SVK Slovakia|SVN Slovenia|ESP Spain|SWE Sweden|SUI Switzerland|TUR Turkey|
UKR Ukraine|WAL Wales
"""

# national teams of states or names that no longer exist, as football articles name them
_FORMER = """
URS Soviet Union|FRG West Germany|GDR East Germany|TCH Czechoslovakia|YUG Yugoslavia|
SCG Serbia and Montenegro|CIS CIS|ZAI Zaire|DEI Dutch East Indies|BIR Burma|
SAA Saarland|EUA United Team of Germany
"""

# ISO 3166 alpha-3 and IOC codes that differ from FIFA's, as ``{{flag|...}}`` takes them
_OTHER = """
DEU Germany|NLD Netherlands|CHE Switzerland|HRV Croatia|PRT Portugal|DNK Denmark|GRC Greece|
BGR Bulgaria|SLO Slovenia|LAT Latvia|ROM Romania|IRI Iran|MYS Malaysia|SIN Singapore|
INA Indonesia|CHL Chile|PRY Paraguay|URY Uruguay|CRI Costa Rica|ZAF South Africa|NGR Nigeria|
ESA El Salvador|KOS Kosovo|GBR Great Britain|SAU Saudi Arabia|ARE United Arab Emirates|
VNM Vietnam|PHL Philippines|TWN Taiwan|KHM Cambodia|MMR Myanmar|LKA Sri Lanka|NPL Nepal|
DZA Algeria|AGO Angola|COG Congo|GIN Guinea|GMB Gambia|MDG Madagascar|
ZMB Zambia|ZWE Zimbabwe|TZA Tanzania|HTI Haiti|HND Honduras|
GTM Guatemala|NIC Nicaragua|TTO Trinidad and Tobago
"""


def _table(*blocks: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for block in blocks:
        for entry in block.replace("\n", "").split("|"):
            entry = entry.strip()
            if entry:
                code, name = entry.split(" ", 1)
                table[code] = name
    return table


NAMES = _table(_FIFA, _FORMER, _OTHER)
_FLAGGED = re.compile(r"^([A-Z]{3})\s+(?=[^\W_])")


def country_name(code: str) -> str | None:
    """The name ``{{fb|CODE}}`` shows (``ENG`` -> ``England``), or None for another code."""
    return NAMES.get(code) if len(code) == 3 and code.isupper() else None


def flag_code(name: str) -> tuple[str, str] | None:
    """``("CRC", "Alajuelense")`` for ``CRC Alajuelense``; None unless the first word is
    a country code followed by more of the name."""
    found = _FLAGGED.match(name)
    if found is None or country_name(found.group(1)) is None:
        return None
    return found.group(1), name[found.end():]
