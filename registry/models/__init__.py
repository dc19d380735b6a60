"""SQLAlchemy models of the resident register. Import from here so Alembic sees every table."""

from registry.models.audit import AuditChainHead, AuditEntry, AuditTarget, PurgeLog
from registry.models.base import Base
from registry.models.card import CardEventRecord, CardStatus, IdentityCheck
from registry.models.certificate import IssuedCertificate
from registry.models.counter import Counter
from registry.models.household import Household
from registry.models.move import IdempotencyRecord, Move
from registry.models.notice import OutboundNotice, TransferNotice
from registry.models.number import IndividualNumber, NumberAccessLog
from registry.models.person import Person, PersonVersion
from registry.models.security import (
    Alert,
    Approval,
    ApprovalRequest,
    Staff,
    StaffSession,
    Terminal,
)
from registry.models.town import Town

__all__ = [
    "Alert",
    "Approval",
    "ApprovalRequest",
    "AuditChainHead",
    "AuditEntry",
    "AuditTarget",
    "Base",
    "CardEventRecord",
    "CardStatus",
    "Counter",
    "Household",
    "IdempotencyRecord",
    "IdentityCheck",
    "IndividualNumber",
    "IssuedCertificate",
    "Move",
    "NumberAccessLog",
    "OutboundNotice",
    "Person",
    "PersonVersion",
    "PurgeLog",
    "Staff",
    "StaffSession",
    "Terminal",
    "Town",
    "TransferNotice",
]
