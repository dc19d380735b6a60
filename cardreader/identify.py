"""Which card is in the reader, told by its applications (never by its ATR).

A My Number card has 券面事項入力補助AP; the old 住基カード does not. A 住基カード that carries a
JPKI certificate says so in the JPKI token EF (JPKIAPICCTOKEN, where a My Number card says
JPKIAPICCTOKEN2); one without has the 住基AP alone. Anything else is unknown.
"""

from __future__ import annotations

from cardreader.aps import jpki
from cardreader.channel import CardChannel
from cardreader.errors import CardError, JukiCardError, UnexpectedStatusError, UnknownCardError
from cardreader.models import CardKind
from cardreader.protocol import TOKEN_JUKI, Application


def identify(ch: CardChannel) -> CardKind:
    if ch.select_application(Application.INPUT_SUPPORT):
        return CardKind.MY_NUMBER
    return identify_other(ch)


def identify_other(ch: CardChannel) -> CardKind:
    """The kind of a card already known to lack 券面事項入力補助AP."""
    if ch.select_application(Application.JPKI):
        try:
            token = jpki.read_token(ch)
        except UnexpectedStatusError:
            token = b""
        if token == TOKEN_JUKI:
            return CardKind.JUKI
    if ch.select_application(Application.JUKI):
        return CardKind.JUKI
    return CardKind.UNKNOWN


def not_a_my_number_card(ch: CardChannel) -> CardError:
    """The error to raise when an application of the My Number card was not found."""
    kind = identify_other(ch)
    if kind is CardKind.JUKI:
        return JukiCardError()
    return UnknownCardError()
