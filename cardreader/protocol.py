"""Numbers of the Individual Number Card: AIDs, EF identifiers, status words, file limits.

Sources are summarised in ../shared/docs/card.md; the 住基カード token text was checked against
two independent readers of the JPKI AP (both tell the two cards apart by EF 0006 alone).
"""

from __future__ import annotations

from enum import Enum
from typing import Final


class Application(Enum):
    INPUT_SUPPORT = bytes.fromhex("D3921000310001010408")  # 券面事項入力補助AP
    CARD_FACE = bytes.fromhex("D3921000310001010402")  # 券面事項確認AP
    JPKI = bytes.fromhex("D392F000260100000001")  # 公的個人認証AP
    JUKI = bytes.fromhex("D3921000310001010401")  # 住基AP

    @property
    def aid(self) -> bytes:
        return self.value

    @property
    def key(self) -> str:
        return self.name.lower()


# 券面事項入力補助AP
IS_PIN: Final = 0x0011
IS_MATCH_A: Final = 0x0014
IS_MATCH_B: Final = 0x0015
IS_NUMBER: Final = 0x0001
IS_BASIC_ITEMS: Final = 0x0002

# 券面事項確認AP
CF_MATCH_B: Final = 0x0012
CF_MATCH_A: Final = 0x0013
CF_FACE: Final = 0x0002

# JPKI AP
JPKI_SIGN_CERT: Final = 0x0001
JPKI_TOKEN: Final = 0x0006
JPKI_AUTH_CERT: Final = 0x000A
JPKI_AUTH_CA_CERT: Final = 0x000B
JPKI_AUTH_PIN: Final = 0x0018
JPKI_SIGN_PIN: Final = 0x001B

TOKEN_SIZE: Final = 32
TOKEN_MY_NUMBER: Final = b"JPKIAPICCTOKEN2"
TOKEN_JUKI: Final = b"JPKIAPICCTOKEN"

# Tags
TAG_NUMBER_FILE: Final = 0xFF10
TAG_TEMPLATE: Final = 0xFF20
TAG_OFFSETS: Final = 0xDF21
# input support EF 0002
TAG_NAME: Final = 0xDF22
TAG_ADDRESS: Final = 0xDF23
TAG_BIRTH: Final = 0xDF24
TAG_SEX: Final = 0xDF25
# card face EF 0002
TAG_FACE_BIRTH: Final = 0xDF22
TAG_FACE_SEX: Final = 0xDF23
TAG_FACE_KEY: Final = 0xDF24
TAG_FACE_NAME_IMAGE: Final = 0xDF25
TAG_FACE_ADDRESS_IMAGE: Final = 0xDF26
TAG_FACE_PHOTO: Final = 0xDF27
TAG_FACE_SIGNATURE: Final = 0xDF28
TAG_FACE_EXPIRY: Final = 0xDF29
TAG_FACE_CODE_IMAGE: Final = 0xDF2A

NUMBER_FILE_SIZE: Final = 17  # FF 10 0C + 12 digits + FF FF
# What one header read fetches: tag of up to 2 bytes and a length of up to 3 (82 xx xx), or a
# certificate's 30 82 LL LL. Enough to size any file on the card in one APDU.
HEADER_READ: Final = 5
# Upper bounds for what a file may declare; a length beyond these is malformed, not a reason
# to read on. READ BINARY's 15-bit offset caps any file at 32 KiB anyway.
MAX_BASIC_ITEMS: Final = 2048
MAX_FACE_FILE: Final = 0x7FFF
MAX_CERTIFICATE: Final = 8192
READ_CHUNK: Final = 256  # short APDU: Le 00 = 256 bytes

# Status words
SW_OK: Final = 0x9000
SW_EOF_WARNING: Final = 0x6282  # end of file reached before Le bytes
SW_WRONG_LENGTH: Final = 0x6700
SW_SECURITY: Final = 0x6982
SW_BLOCKED: Final = 0x6984
SW_BLOCKED_ALT: Final = 0x6983  # what some documents say for a blocked PIN
SW_NO_EF: Final = 0x6986
SW_NOT_FOUND: Final = 0x6A82
SW_WRONG_P1P2: Final = 0x6A86
SW_WRONG_OFFSET: Final = 0x6B00
SW_INS_NOT_SUPPORTED: Final = 0x6D00
