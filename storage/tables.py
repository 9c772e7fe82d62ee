"""The database tables. Changing them means a new migration in storage/migrations/versions/.

Codes (join, facilitator, member) are stored as SHA-256 hashes: whoever reads the database cannot use them.
Only what a feature needs is kept: a member's name and role, a register entry's contact person.
"""

from __future__ import annotations

import sqlalchemy as sa

from ladder.rules.model import VALUES

metadata = sa.MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

HASH = 64  # hex SHA-256
ID_LENGTH = 100
SUBJECT_LENGTH = 255

group_sessions = sa.Table(
    "group_sessions", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("description", sa.Text, nullable=False, server_default=""),
    sa.Column("municipality_id", sa.String(ID_LENGTH), nullable=False),
    sa.Column("rule_set_version", sa.String(50), nullable=False),
    sa.Column("rule_set_hash", sa.String(HASH), nullable=False),
    sa.Column("join_code_hash", sa.String(HASH), nullable=False, unique=True),
    sa.Column("facilitator_code_hash", sa.String(HASH), nullable=False, unique=True),
    sa.Column("status", sa.String(10), nullable=False, server_default="open"),
    sa.Column("joint_answers", sa.JSON, nullable=True),
    sa.Column("joint_notes", sa.JSON, nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("join_code_expires_at", sa.DateTime(timezone=True), nullable=False),  # a new join code: 30 days more
    sa.Column("member_limit", sa.Integer, nullable=False),  # the most members that may join, set by the facilitator
    sa.CheckConstraint("status IN ('open', 'closed')", name="status"),
    sa.CheckConstraint("member_limit BETWEEN 1 AND 100", name="member_limit"),
)

group_members = sa.Table(
    "group_members", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("session_id", sa.Integer, sa.ForeignKey("group_sessions.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("token_hash", sa.String(HASH), nullable=False, unique=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("answers", sa.JSON, nullable=False),
    sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

register_entries = sa.Table(
    "register_entries", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("project_name", sa.String(200), nullable=False),
    sa.Column("saved_on", sa.Date, nullable=False),
    sa.Column("municipality_id", sa.String(ID_LENGTH), nullable=False, index=True),
    sa.Column("rule_set_version", sa.String(50), nullable=False),
    sa.Column("content_hash", sa.String(HASH), nullable=False),
    sa.Column("answers", sa.JSON, nullable=False),
    sa.Column("advice", sa.JSON, nullable=False),  # the full Advice as saved: what was advised and why
    sa.Column("advised_rung", sa.String(ID_LENGTH), nullable=False),
    sa.Column("chosen_rung", sa.String(ID_LENGTH), nullable=True),
    sa.Column("choice_reason", sa.Text, nullable=True),
    sa.Column("contact_person", sa.String(200), nullable=True),
    sa.Column("source", sa.String(20), nullable=False),
    sa.Column("group_session_id", sa.Integer, sa.ForeignKey("group_sessions.id", ondelete="SET NULL"), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("source IN ('advies', 'werkgroep')", name="source"),
)

register_evaluations = sa.Table(
    "register_evaluations", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("entry_id", sa.Integer, sa.ForeignKey("register_entries.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("how_it_went", sa.Text, nullable=False),
    # 0 (nothing) to 4 (much), the scale the ladder uses for what a rung gains on each democratic value
    *(sa.Column(f"score_{value}", sa.Integer, nullable=True) for value in VALUES),
    sa.Column("lessons", sa.Text, nullable=False),
    *(sa.CheckConstraint(f"score_{value} BETWEEN 0 AND 4", name=f"score_{value}") for value in VALUES),
)

# A register entry's participation plan and its verslag, every saved version kept (a plan adopted last year can be
# read as it was). `content` is the JSON of ladder.plans.model.Plan or Verslag. They go with their entry.
register_documents = sa.Table(
    "register_documents", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("entry_id", sa.Integer, sa.ForeignKey("register_entries.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("content", sa.JSON, nullable=False),
    sa.UniqueConstraint("entry_id", "kind", "version", name="uq_register_documents_version"),
    sa.CheckConstraint("kind IN ('plan', 'verslag')", name="kind"),
    sa.CheckConstraint("version >= 1", name="version"),
)

# The participation network (storage/network.py). An expert's profile holds only what they chose to show, under
# their account's subject; deleting it is real, and their open requests stay with the initiative for handover.
network_experts = sa.Table(
    "network_experts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("subject", sa.String(SUBJECT_LENGTH), nullable=False, unique=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("municipality", sa.String(ID_LENGTH), nullable=False),
    sa.Column("region", sa.String(100), nullable=False),
    sa.Column("areas", sa.JSON, nullable=False),
    sa.Column("rungs", sa.JSON, nullable=False),
    sa.Column("roles", sa.JSON, nullable=False),
    sa.Column("hours_per_month", sa.Integer, nullable=False),
    sa.Column("outside_own", sa.Boolean, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("hours_per_month BETWEEN 0 AND 160", name="hours_per_month"),
)

# An initiative registers without an account: only the hash of its code is kept, as with working groups.
network_initiatives = sa.Table(
    "network_initiatives", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code_hash", sa.String(HASH), nullable=False, unique=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("municipality", sa.String(ID_LENGTH), nullable=False),
    sa.Column("region", sa.String(100), nullable=False),
    sa.Column("areas", sa.JSON, nullable=False),
    sa.Column("stage", sa.String(20), nullable=False),
    sa.Column("rung", sa.String(ID_LENGTH), nullable=True),
    sa.Column("role", sa.String(ID_LENGTH), nullable=True),
    sa.Column("own_permits", sa.Boolean, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

network_requests = sa.Table(
    "network_requests", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("initiative_id", sa.Integer, sa.ForeignKey("network_initiatives.id", ondelete="CASCADE"), nullable=False,
              index=True),
    # None once the expert deleted their profile: the request then waits for another expert (status overdracht)
    sa.Column("expert_id", sa.Integer, sa.ForeignKey("network_experts.id", ondelete="SET NULL"), nullable=True,
              index=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("lessons", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('gevraagd', 'aangenomen', 'afgewezen', 'overdracht', 'afgesloten')",
                       name="status"),
)

# The netwerkpartner-scan (storage/scans.py): a round of the scan, joined by code, each member answering alone.
# A member is known by the role they chose only (no name); codes only as hashes.
scans = sa.Table(
    "scans", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("municipality_id", sa.String(ID_LENGTH), nullable=False),
    sa.Column("join_code_hash", sa.String(HASH), nullable=False, unique=True),
    sa.Column("facilitator_code_hash", sa.String(HASH), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

scan_members = sa.Table(
    "scan_members", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("scan_id", sa.Integer, sa.ForeignKey("scans.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("code_hash", sa.String(HASH), nullable=False, unique=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("scores", sa.JSON, nullable=False),
    sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# Failed look-ups by a typed code, per minute, from every browser together (storage/attempts.py). On purpose no
# code, hash or address: only when, and how many.
code_failures = sa.Table(
    "code_failures", metadata,
    sa.Column("minute", sa.DateTime(timezone=True), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
)

# The full resolved rule set behind every stored advice, once per content hash: a saved advice can be computed
# again exactly, years later, even after the YAML files have changed.
rule_set_snapshots = sa.Table(
    "rule_set_snapshots", metadata,
    sa.Column("content_hash", sa.String(HASH), primary_key=True),
    sa.Column("rule_set_id", sa.String(ID_LENGTH), nullable=False),
    sa.Column("version", sa.String(50), nullable=False),
    sa.Column("rule_set", sa.JSON, nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
)

# Who changed what in the register, and when (BIO: audit logging). A row names the fields that changed, never
# their values: a contact person's name or a typed reason never lands here, so a row may be kept after its
# entry is deleted (no foreign key: the log shows that the entry existed and was deleted).
audit_log = sa.Table(
    "audit_log", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("actor_kind", sa.String(20), nullable=False),  # "lokaal": the one person on this computer
    # an account's OpenID Connect subject (at most 255 characters by the spec), never a name
    sa.Column("actor_id", sa.String(SUBJECT_LENGTH), nullable=True),
    sa.Column("action", sa.String(50), nullable=False),
    sa.Column("subject_kind", sa.String(50), nullable=False),
    sa.Column("subject_id", sa.Integer, nullable=True),  # None when the action is about the whole register
    sa.Column("detail", sa.JSON, nullable=False),  # {"fields": [names of the fields that changed]}
)
