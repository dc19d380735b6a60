"""SQLAlchemy models of the resident register. Import from here so Alembic sees every table."""

from registry.models.base import Base
from registry.models.household import Household
from registry.models.number import IndividualNumber, NumberAccessLog
from registry.models.person import Person, PersonVersion
from registry.models.town import Town

__all__ = [
    "Base",
    "Household",
    "IndividualNumber",
    "NumberAccessLog",
    "Person",
    "PersonVersion",
    "Town",
]
