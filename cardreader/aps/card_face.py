"""券面事項確認AP: unlocked by 照合番号B (or A); the face photo, birth date, sex and expiry."""

from __future__ import annotations

import io
import warnings
from typing import TYPE_CHECKING, Final

from cardreader import tlv
from cardreader.aps.input_support import parse_date, parse_sex, template_content
from cardreader.channel import CardChannel, PinState
from cardreader.errors import MalformedDataError, Secret
from cardreader.models import CardFace
from cardreader.protocol import (
    CF_FACE,
    CF_MATCH_A,
    CF_MATCH_B,
    MAX_FACE_FILE,
    TAG_FACE_ADDRESS_IMAGE,
    TAG_FACE_BIRTH,
    TAG_FACE_EXPIRY,
    TAG_FACE_NAME_IMAGE,
    TAG_FACE_PHOTO,
    TAG_FACE_SEX,
    Application,
)

if TYPE_CHECKING:
    from PIL.Image import Image

JP2_SIGNATURE: Final = bytes.fromhex("0000000C6A5020200D0A870A")
J2K_CODESTREAM: Final = bytes.fromhex("FF4FFF51")
# The card's photo is about 300×400 pixels; anything far larger is not a card photo but a
# decompression bomb, refused before decoding.
MAX_PHOTO_PIXELS: Final = 2000 * 2000

_PHOTO_ERROR: Final = "カードの顔写真を表示できません（画像データが不正です）。"


def match_key_state(ch: CardChannel, key: Secret) -> PinState:
    ch.require_application(Application.CARD_FACE)
    return ch.pin_state(_key_ef(key), key)


def verify(ch: CardChannel, key: Secret, value: bytearray) -> None:
    ch.require_application(Application.CARD_FACE)
    ch.verify(_key_ef(key), value, key)


def _key_ef(key: Secret) -> int:
    if key is Secret.MATCH_KEY_A:
        return CF_MATCH_A
    if key is Secret.MATCH_KEY_B:
        return CF_MATCH_B
    raise ValueError(f"{key} does not open the card face AP")


def read_face(ch: CardChannel) -> CardFace:
    ch.require_application(Application.CARD_FACE)
    _, data = ch.read_tlv_file(CF_FACE, max_size=MAX_FACE_FILE)
    return parse_face(data)


def parse_face(data: bytes) -> CardFace:
    content = template_content(data, "card face EF 0002")
    items = tlv.children_by_tag(
        content,
        required=(TAG_FACE_BIRTH, TAG_FACE_SEX, TAG_FACE_PHOTO, TAG_FACE_EXPIRY),
        context="card face EF 0002",
    )
    return CardFace(
        photo=decode_photo(items[TAG_FACE_PHOTO]),
        birth_date=parse_date(items[TAG_FACE_BIRTH], "birth date"),
        sex=parse_sex(items[TAG_FACE_SEX]),
        expiry_date=parse_date(items[TAG_FACE_EXPIRY], "expiry date"),
        name_image=items.get(TAG_FACE_NAME_IMAGE, b""),
        address_image=items.get(TAG_FACE_ADDRESS_IMAGE, b""),
    )


def decode_photo(data: bytes) -> Image:
    """JPEG 2000 (JP2 file or raw codestream) → a fully decoded Pillow image."""
    from PIL import Image as PILImage  # only the card desk pays for importing Pillow

    if not (data.startswith(JP2_SIGNATURE) or data.startswith(J2K_CODESTREAM)):
        raise MalformedDataError(_PHOTO_ERROR, detail="photo is not JPEG 2000")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            image = PILImage.open(io.BytesIO(data), formats=["JPEG2000"])
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                raise MalformedDataError(_PHOTO_ERROR, detail=f"photo {width}x{height} too large")
            image.load()
    except MalformedDataError:
        raise
    except Exception as exc:  # Pillow raises OSError, ValueError, SyntaxError... for bad data
        raise MalformedDataError(_PHOTO_ERROR, detail=f"photo: {type(exc).__name__}") from None
    return image
