"""The files of a virtual card, built from a synthetic resident.

Builds what the real card stores: EF 0001/0002 of 券面事項入力補助AP, the card-face file with a
JPEG 2000 photo and PNG images, and a JPKI authentication certificate signed by a throwaway CA.
Pillow and cryptography are needed here (not in card.py / vpcd.py). Malformations on demand let
tests feed the reader every kind of broken file.
"""

from __future__ import annotations

import io
import json
import random
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from app.domain.individual_number import make
from cardreader import tlv
from cardreader.protocol import (
    CF_FACE,
    CF_MATCH_A,
    CF_MATCH_B,
    IS_BASIC_ITEMS,
    IS_MATCH_A,
    IS_MATCH_B,
    IS_NUMBER,
    IS_PIN,
    JPKI_AUTH_CA_CERT,
    JPKI_AUTH_CERT,
    JPKI_AUTH_PIN,
    JPKI_SIGN_CERT,
    JPKI_SIGN_PIN,
    JPKI_TOKEN,
    TOKEN_JUKI,
    TOKEN_MY_NUMBER,
    TOKEN_SIZE,
    Application,
)
from cardreader.virtual.card import ATR_MY_NUMBER, ATR_STORAGE_CARD, App, CardContents, Key

KINDS: Final = ("my_number", "juki", "unknown")
MALFORMATIONS: Final = (
    "number_check_digit",  # EF 0001 holds a number whose check digit is wrong
    "number_tag",  # EF 0001 starts with another tag
    "items_truncated",  # EF 0002 declares more than the file holds and an item is cut
    "items_header_mismatch",  # EF 0002 declares 10 bytes more than the file holds, items whole
    "items_missing_sex",  # EF 0002 without DF25
    "items_bad_date",  # birth date 19801332
    "items_bad_utf8",  # name bytes that are not UTF-8
    "items_indefinite",  # FF20 80 ... (indefinite length)
    "items_huge",  # FF20 declares 60,000 bytes
    "photo_garbage",  # DF27 is not JPEG 2000
    "certificate_garbage",  # EF 000A is a SEQUENCE that is no certificate
)


@dataclass
class Resident:
    """Everything a card needs to know about its (synthetic) holder."""

    individual_number: str
    family_name: str
    given_name: str
    address: str
    birth_date: date
    sex: str  # "1" male, "2" female, "9" not applicable
    expiry_date: date
    security_code: str = "2285"  # printed on the card face, part of 照合番号B
    pin: str = "1234"  # 券面事項入力補助用暗証番号
    auth_pin: str = "1234"  # 利用者証明用電子証明書暗証番号
    sign_password: str = "SYNTH1"

    def to_json(self) -> str:
        data = asdict(self)
        data["birth_date"] = self.birth_date.isoformat()
        data["expiry_date"] = self.expiry_date.isoformat()
        return json.dumps(data, ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Resident:
        values = dict(data)
        for key in ("birth_date", "expiry_date"):
            if isinstance(values.get(key), str):
                values[key] = date.fromisoformat(values[key])
        return cls(**values)

    @classmethod
    def from_json_file(cls, path: Path) -> Resident:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))


def builtin_resident() -> Resident:
    """A made-up person in a made-up town (架空県見本市) for the demo; nobody real."""
    return Resident(
        individual_number=make("31415926535"),
        family_name="見本",
        given_name="花子",
        address="架空県見本市中央一丁目２番３号",
        birth_date=date(1980, 2, 17),
        sex="2",
        expiry_date=date(2035, 2, 17),
    )


@dataclass
class BuildOptions:
    kind: str = "my_number"
    long_form: bool = False  # every length in 81/82 form, even where short form would do
    malform: str | None = None
    with_auth_certificate: bool = True
    tries: dict[str, int] = field(default_factory=dict)  # e.g. {"pin": 1} to start low


# -- files --------------------------------------------------------------------------------------


def number_file(number: str, malform: str | None) -> bytes:
    digits = number.encode("ascii")
    if malform == "number_check_digit":
        digits = digits[:-1] + str((int(number[-1]) + 1) % 10).encode()
    tag = 0xFF11 if malform == "number_tag" else 0xFF10
    return tlv.encode(tag, digits) + b"\xff\xff"


def template(children: list[tuple[int, bytes]], *, long_form: bool, offsets: bool = True) -> bytes:
    """FF20 { DF21 offsets of the items after it, items... } with offsets from the file start."""
    body = [tlv.encode(tag, value, long_form=long_form) for tag, value in children]
    offsets_len = (
        len(tlv.encode(0xDF21, bytes(2 * len(body)), long_form=long_form)) if offsets else 0
    )
    content_len = offsets_len + sum(len(b) for b in body)
    header = len(tlv.encode(0xFF20, bytes(content_len), long_form=long_form)) - content_len
    parts = []
    if offsets:
        pos = header + offsets_len
        table = bytearray()
        for item in body:
            table += pos.to_bytes(2, "big")
            pos += len(item)
        parts.append(tlv.encode(0xDF21, bytes(table), long_form=long_form))
    parts.extend(body)
    return tlv.encode(0xFF20, b"".join(parts), long_form=long_form)


def basic_items_file(r: Resident, *, long_form: bool, malform: str | None) -> bytes:
    name = f"{r.family_name}\u3000{r.given_name}".encode()
    birth = r.birth_date.strftime("%Y%m%d").encode("ascii")
    if malform == "items_bad_utf8":
        name = b"\xff\xfe" + name
    if malform == "items_bad_date":
        birth = b"19801332"
    items = [
        (0xDF22, name),
        (0xDF23, r.address.encode()),
        (0xDF24, birth),
        (0xDF25, r.sex.encode()),
    ]
    if malform == "items_missing_sex":
        items = items[:3]
    data = template(items, long_form=long_form)
    if malform == "items_truncated":
        return data[:-2]  # the header still promises the full length; the sex item is cut
    if malform == "items_header_mismatch":
        return template_with_length(data, extra=10)
    if malform == "items_indefinite":
        return b"\xff\x20\x80" + data[data.index(b"\xdf\x21") :]
    if malform == "items_huge":
        return b"\xff\x20\x82\xea\x60" + data[data.index(b"\xdf\x21") :]
    return data


def template_with_length(data: bytes, *, extra: int) -> bytes:
    """The same FF20 template with a header that claims `extra` bytes more than follow."""
    header = tlv.parse_header(data)
    content = data[header.size :]
    return b"\xff\x20" + tlv.encode_length(header.length + extra) + content


def card_face_file(r: Resident, *, long_form: bool, malform: str | None) -> bytes:
    rng = random.Random(r.individual_number)
    photo = b"\x00" * 64 + b"not a photo" if malform == "photo_garbage" else face_photo(r.sex)
    key = tlv.encode(0x90, b"\x01\x00\x01") + tlv.encode(0x91, rng.randbytes(256))
    items = [
        (0xDF22, r.birth_date.strftime("%Y%m%d").encode("ascii")),
        (0xDF23, r.sex.encode()),
        (0xDF24, key),
        (0xDF25, text_image(f"{r.family_name}{r.given_name}", 600, 40)),
        (0xDF26, text_image(r.address, 900, 80)),
        (0xDF27, photo),
        (0xDF28, rng.randbytes(256)),
        (0xDF29, r.expiry_date.strftime("%Y%m%d").encode("ascii")),
        (0xDF2A, text_image(r.security_code, 120, 30)),
    ]
    return template(items, long_form=long_form)


def token(kind: str) -> bytes:
    text = TOKEN_JUKI if kind == "juki" else TOKEN_MY_NUMBER
    return text.ljust(TOKEN_SIZE, b" ")


# -- images -------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def face_photo(sex: str) -> bytes:
    """A 300×400 drawn face as JPEG 2000 (JP2), about the size of a card's photo."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (300, 400), (205, 222, 235))
    draw = ImageDraw.Draw(image)
    hair = (60, 40, 30) if sex != "2" else (40, 25, 20)
    draw.ellipse((60, 60, 240, 300), fill=hair)
    draw.ellipse((80, 90, 220, 290), fill=(238, 200, 170))
    draw.ellipse((115, 160, 135, 175), fill=(40, 40, 40))
    draw.ellipse((165, 160, 185, 175), fill=(40, 40, 40))
    draw.arc((120, 210, 180, 250), 20, 160, fill=(150, 60, 60), width=4)
    draw.rectangle((70, 300, 230, 400), fill=(50, 70, 110))
    out = io.BytesIO()
    image.save(out, format="JPEG2000", irreversible=True, quality_mode="rates", quality_layers=[60])
    return out.getvalue()


def text_image(text: str, width: int, height: int) -> bytes:
    """A 1-bit PNG standing in for a line of printed text (blocks, not glyphs)."""
    from PIL import Image, ImageDraw

    image = Image.new("1", (width, height), 1)
    draw = ImageDraw.Draw(image)
    x = 4
    for ch in text:
        w = 14 if ord(ch) > 0x7F else 8
        seed = ord(ch)
        draw.rectangle((x, 6 + seed % 5, x + w - 2, height - 6 - seed % 3), fill=0)
        x += w + 3
        if x > width - 20:
            break
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


# -- certificates -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _keys() -> tuple[Any, Any]:
    from cryptography.hazmat.primitives.asymmetric import rsa

    return (
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
    )


def certificates(r: Resident, *, malform: str | None) -> tuple[bytes, bytes]:
    """(auth certificate, its CA certificate) as DER; the holder's cert names no person."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import Encoding
    from cryptography.x509.oid import NameOID

    ca_key, holder_key = _keys()
    ca_name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "JPKI (synthetic)"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "JPKI for user authentication"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Synthetic Test CA"),
        ]
    )
    serial = int(r.individual_number) * 7919 + 1  # deterministic, not the number itself
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
            x509.NameAttribute(NameOID.COMMON_NAME, f"SYNTHETIC-AUTH-{serial % 10**10:010d}"),
        ]
    )
    issued = datetime.combine(r.expiry_date - timedelta(days=365 * 10), datetime.min.time(), UTC)
    not_before = max(issued, datetime(2016, 1, 1, tzinfo=UTC))
    not_after = datetime.combine(r.expiry_date, datetime.min.time(), UTC)
    now = datetime.now(UTC)
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(days=3650))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    holder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_name)
        .public_key(holder_key.public_key())
        .serial_number(serial)
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .sign(ca_key, hashes.SHA256())
    )
    auth = holder.public_bytes(Encoding.DER)
    if malform == "certificate_garbage":
        auth = tlv.encode(0x30, tlv.encode(0x02, b"\x01") * 200, long_form=True)
    return auth, ca.public_bytes(Encoding.DER)


# -- the card -----------------------------------------------------------------------------------


def build_contents(r: Resident, options: BuildOptions | None = None) -> CardContents:
    o = options or BuildOptions()
    if o.kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    if o.malform is not None and o.malform not in MALFORMATIONS:
        raise ValueError(f"malform must be one of {MALFORMATIONS}")
    if o.kind == "unknown":
        return CardContents(atr=ATR_STORAGE_CARD, apps={})

    def key(name: str, value: str, max_tries: int) -> Key:
        return Key(
            value=value.encode("ascii"), tries=o.tries.get(name, max_tries), max_tries=max_tries
        )

    auth, ca = certificates(r, malform=o.malform)
    jpki_files = {JPKI_TOKEN: token(o.kind), JPKI_AUTH_CA_CERT: ca}
    if o.with_auth_certificate:
        jpki_files[JPKI_AUTH_CERT] = auth
    jpki = App(
        files=jpki_files,
        keys={
            JPKI_AUTH_PIN: key("auth_pin", r.auth_pin, 3),
            JPKI_SIGN_PIN: key("sign_password", r.sign_password, 5),
        },
        access={JPKI_SIGN_CERT: (JPKI_SIGN_PIN,)},
    )
    juki = App()
    if o.kind == "juki":
        return CardContents(
            atr=ATR_MY_NUMBER, apps={Application.JUKI.aid: juki, Application.JPKI.aid: jpki}
        )

    match_b = f"{_era_yymmdd(r.birth_date)}{r.expiry_date.year:04d}{r.security_code}"
    input_support = App(
        files={
            IS_NUMBER: number_file(r.individual_number, o.malform),
            IS_BASIC_ITEMS: basic_items_file(r, long_form=o.long_form, malform=o.malform),
        },
        keys={
            IS_PIN: key("pin", r.pin, 3),
            IS_MATCH_A: key("input_match_a", r.individual_number, 10),
            IS_MATCH_B: key("input_match_b", match_b, 10),
        },
        access={IS_NUMBER: (IS_PIN, IS_MATCH_A), IS_BASIC_ITEMS: (IS_PIN, IS_MATCH_B)},
    )
    card_face = App(
        files={CF_FACE: card_face_file(r, long_form=o.long_form, malform=o.malform)},
        keys={
            CF_MATCH_B: key("match_b", match_b, 10),
            CF_MATCH_A: key("match_a", r.individual_number, 10),
        },
        access={CF_FACE: (CF_MATCH_A, CF_MATCH_B)},
    )
    return CardContents(
        atr=ATR_MY_NUMBER,
        apps={
            Application.INPUT_SUPPORT.aid: input_support,
            Application.CARD_FACE.aid: card_face,
            Application.JPKI.aid: jpki,
            Application.JUKI.aid: juki,
        },
    )


def _era_yymmdd(d: date) -> str:
    from app.domain.wareki import era_yymmdd

    return era_yymmdd(d)
