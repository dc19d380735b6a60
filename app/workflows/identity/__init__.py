"""The identity check at the counter (本人確認), without widgets: the flow (flow.py) built on
its state (state.py), the card step (card.py), questions, review and record (review.py), the
registry calls (api.py) and what it says (messages.py). The names the rest of the code uses:"""

from app.workflows.errors import card_problem
from app.workflows.identity.api import CheckedPerson, IdentityApi, IdentityCheckResult, result_of
from app.workflows.identity.card import PIN_KEY, CardJob
from app.workflows.identity.flow import IdentityFlow, documents_of
from app.workflows.identity.messages import MESSAGES, PURPOSE_LABELS, PURPOSES
from app.workflows.identity.state import CardStage, IdentityStep

__all__ = [
    "MESSAGES", "PIN_KEY", "PURPOSES", "PURPOSE_LABELS", "CardJob", "CardStage", "CheckedPerson",
    "IdentityApi", "IdentityCheckResult", "IdentityFlow", "IdentityStep", "card_problem",
    "documents_of", "result_of",
]
