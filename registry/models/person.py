"""住民: the person's stable identity and the append-only versions of their record.

Every change (異動) writes a new `PersonVersion`; earlier versions are never updated or deleted,
so the full history of the record stays readable. `Person.current_version_id` is the single
pointer that moves forward; it is the only column a change updates.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base, UtcDateTime, utcnow

SEX_CODES = ("0", "1", "2", "9")  # JIS X 0303
RESIDENT_TYPES = ("japanese", "foreign")


def key_string(length: int) -> String:
    """A matching-key column. Prefix search runs as a range scan (key >= q AND key < q+U+FFFF),
    which is a prefix match only under code-point order: PostgreSQL's default collation is
    linguistic, so the keys use "C" there (SQLite's BINARY default already is code-point)."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")  # type: ignore[return-value]


class Person(Base):
    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    atena_number: Mapped[str] = mapped_column(String(10), unique=True)  # 宛名番号
    resident_code: Mapped[str] = mapped_column(String(11), unique=True)  # 住民票コード
    # Deferred so that a person and their first version can be written in one transaction in
    # either order (the two tables refer to each other).
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey(
            "person_versions.id",
            use_alter=True,
            deferrable=True,
            initially="DEFERRED",
        ),
        unique=True,
    )


class PersonVersion(Base):
    __tablename__ = "person_versions"
    __table_args__ = (
        UniqueConstraint("person_id", "version"),
        CheckConstraint("sex IN ('0', '1', '2', '9')", name="sex_code"),
        CheckConstraint("resident_type IN ('japanese', 'foreign')", name="resident_type"),
        CheckConstraint("version >= 1", name="version_positive"),
        # The search paths (see registry.repositories.search). A birth date, where given,
        # leads: a few dozen rows a day, checked for the name or the address prefix. Name and
        # address are both ranges, so the name leads and the address is checked inside the
        # index. There is deliberately no index on the address alone: with one, both planners
        # (SQLite has no range statistics, PostgreSQL misjudges non-ASCII ranges) would walk a
        # whole town for name+address.
        Index("ix_person_versions_birth_address", "birth_date", "address_key"),
        Index("ix_person_versions_kana_address", "name_kana_key", "address_key"),
        Index("ix_person_versions_kanji_address", "name_kanji_key", "address_key"),
        Index("ix_person_versions_alias_kana", "alias_kana_key"),
        Index("ix_person_versions_alias_kanji", "alias_kanji_key"),
        Index("ix_person_versions_household_id", "household_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    version: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    operator_id: Mapped[str | None] = mapped_column(String(40))  # 操作者ID
    terminal_id: Mapped[str | None] = mapped_column(String(80))  # 操作端末ID

    # 異動: what changed and when
    change_reason: Mapped[str] = mapped_column(String(20))  # 異動事由
    change_date: Mapped[date] = mapped_column(Date)  # 異動年月日
    notified_on: Mapped[date | None] = mapped_column(Date)  # 届出年月日
    late_notification: Mapped[bool] = mapped_column(Boolean, default=False)  # 期間経過
    late_reason: Mapped[str | None] = mapped_column(String(200))

    # 氏名
    family_name: Mapped[str] = mapped_column(String(60))
    given_name: Mapped[str] = mapped_column(String(60))
    family_name_kana: Mapped[str] = mapped_column(String(120))
    given_name_kana: Mapped[str] = mapped_column(String(120))
    name_seion_kana: Mapped[str] = mapped_column(String(240))  # 清音化かな氏名
    name_kana_key: Mapped[str] = mapped_column(key_string(240))  # matching keys, see app.domain.kana
    name_kanji_key: Mapped[str] = mapped_column(key_string(120))

    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    resident_type: Mapped[str] = mapped_column(String(10))

    # 世帯
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"))
    relationship: Mapped[str] = mapped_column(String(20))  # 続柄
    is_head: Mapped[bool] = mapped_column(Boolean)  # 世帯主

    # 住所
    became_resident_on: Mapped[date] = mapped_column(Date)
    became_resident_notified_on: Mapped[date | None] = mapped_column(Date)
    address_set_on: Mapped[date] = mapped_column(Date)
    address_set_notified_on: Mapped[date | None] = mapped_column(Date)
    town_code: Mapped[str] = mapped_column(ForeignKey("towns.town_code"))
    address_detail: Mapped[str] = mapped_column(String(60))
    building: Mapped[str | None] = mapped_column(String(80))  # 方書
    address_key: Mapped[str] = mapped_column(key_string(160))
    previous_address: Mapped[str | None] = mapped_column(String(200))  # 前住所
    moved_out_to: Mapped[str | None] = mapped_column(String(200))  # 転出先

    # 本籍 (Japanese residents)
    honseki: Mapped[str | None] = mapped_column(String(200))
    hittosha: Mapped[str | None] = mapped_column(String(60))

    # 消除
    removed_on: Mapped[date | None] = mapped_column(Date)
    removal_reason: Mapped[str | None] = mapped_column(String(20))

    # 旧氏
    old_surname: Mapped[str | None] = mapped_column(String(60))
    old_surname_kana: Mapped[str | None] = mapped_column(String(120))
    old_surname_romaji: Mapped[str | None] = mapped_column(String(120))

    # 外国人住民
    nationality: Mapped[str | None] = mapped_column(String(60))
    residence_status: Mapped[str | None] = mapped_column(String(60))
    residence_expiry: Mapped[date | None] = mapped_column(Date)
    residence_card_number: Mapped[str | None] = mapped_column(String(12))
    alias_name: Mapped[str | None] = mapped_column(String(120))  # 通称
    alias_name_kana: Mapped[str | None] = mapped_column(String(240))
    alias_kana_key: Mapped[str | None] = mapped_column(key_string(240))
    alias_kanji_key: Mapped[str | None] = mapped_column(key_string(120))
    article_30_45: Mapped[str | None] = mapped_column(String(40))  # 法30条の45区分

    processing_stop: Mapped[bool] = mapped_column(Boolean, default=False)  # 処理停止
