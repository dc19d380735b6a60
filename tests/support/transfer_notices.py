"""A 転出証明書情報 delivered ahead of a 特例転入, as the CS delivers it (t-admin), for the
card holder a test reads from the virtual card."""

from __future__ import annotations

import random
import uuid
from datetime import date

from app.domain import clock, resident_code
from cardreader.virtual.contents import Resident
from tests.support.registry_process import RegistryProcess


def receive_transfer_notice(server: RegistryProcess, holder: Resident, rng: random.Random, *,
                            planned: date | None = None, from_municipality: str = "271004",
                            kana: tuple[str, str] = ("トクレイ", "ハナコ")) -> str:
    content = {
        "from_municipality": from_municipality,
        "resident_code": resident_code.make(f"{rng.randrange(10**9, 10**10)}"),
        "individual_number": holder.individual_number,
        "planned_move_date": (planned or clock.today()).isoformat(),
        "previous_address": holder.address,
        "family_name": holder.family_name, "given_name": holder.given_name,
        "family_name_kana": kana[0], "given_name_kana": kana[1],
        "birth_date": holder.birth_date.isoformat(), "sex": holder.sex,
    }
    with server.client("t-admin") as c:
        response = c.post("/v1/transfer-notices", json=content,
                          headers={"Idempotency-Key": uuid.uuid4().hex})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])
