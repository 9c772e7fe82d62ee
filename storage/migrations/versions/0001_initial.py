"""The first schema: working-group sessions with their members, and the advice register with evaluations.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("group_sessions",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("title", sa.String(length=200), nullable=False),
    sa.Column("description", sa.Text(), server_default="", nullable=False),
    sa.Column("municipality_id", sa.String(length=100), nullable=False),
    sa.Column("rule_set_version", sa.String(length=50), nullable=False),
    sa.Column("rule_set_hash", sa.String(length=64), nullable=False),
    sa.Column("join_code_hash", sa.String(length=64), nullable=False),
    sa.Column("facilitator_code_hash", sa.String(length=64), nullable=False),
    sa.Column("status", sa.String(length=10), server_default="open", nullable=False),
    sa.Column("joint_answers", sa.JSON(), nullable=True),
    sa.Column("joint_notes", sa.JSON(), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('open', 'closed')", name=op.f("ck_group_sessions_status")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_group_sessions")),
    sa.UniqueConstraint("facilitator_code_hash", name=op.f("uq_group_sessions_facilitator_code_hash")),
    sa.UniqueConstraint("join_code_hash", name=op.f("uq_group_sessions_join_code_hash"))
    )
    op.create_table("group_members",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("session_id", sa.Integer(), nullable=False),
    sa.Column("token_hash", sa.String(length=64), nullable=False),
    sa.Column("name", sa.String(length=100), nullable=False),
    sa.Column("role", sa.String(length=20), nullable=False),
    sa.Column("answers", sa.JSON(), nullable=False),
    sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(["session_id"], ["group_sessions.id"], name=op.f("fk_group_members_session_id_group_sessions"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_group_members")),
    sa.UniqueConstraint("token_hash", name=op.f("uq_group_members_token_hash"))
    )
    with op.batch_alter_table("group_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_members_session_id"), ["session_id"], unique=False)

    op.create_table("rule_set_snapshots",
    sa.Column("content_hash", sa.String(length=64), nullable=False),
    sa.Column("rule_set_id", sa.String(length=100), nullable=False),
    sa.Column("version", sa.String(length=50), nullable=False),
    sa.Column("rule_set", sa.JSON(), nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint("content_hash", name=op.f("pk_rule_set_snapshots"))
    )
    op.create_table("register_entries",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("project_name", sa.String(length=200), nullable=False),
    sa.Column("saved_on", sa.Date(), nullable=False),
    sa.Column("municipality_id", sa.String(length=100), nullable=False),
    sa.Column("rule_set_version", sa.String(length=50), nullable=False),
    sa.Column("content_hash", sa.String(length=64), nullable=False),
    sa.Column("answers", sa.JSON(), nullable=False),
    sa.Column("advice", sa.JSON(), nullable=False),
    sa.Column("advised_rung", sa.String(length=100), nullable=False),
    sa.Column("chosen_rung", sa.String(length=100), nullable=True),
    sa.Column("choice_reason", sa.Text(), nullable=True),
    sa.Column("contact_person", sa.String(length=200), nullable=True),
    sa.Column("source", sa.String(length=20), nullable=False),
    sa.Column("group_session_id", sa.Integer(), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("source IN ('advies', 'werkgroep')", name=op.f("ck_register_entries_source")),
    sa.ForeignKeyConstraint(["group_session_id"], ["group_sessions.id"], name=op.f("fk_register_entries_group_session_id_group_sessions"), ondelete="SET NULL"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_register_entries"))
    )
    with op.batch_alter_table("register_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_register_entries_municipality_id"), ["municipality_id"], unique=False)

    op.create_table("register_evaluations",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("entry_id", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("how_it_went", sa.Text(), nullable=False),
    sa.Column("score_inclusie", sa.Integer(), nullable=True),
    sa.Column("score_invloed", sa.Integer(), nullable=True),
    sa.Column("score_eigenaarschap", sa.Integer(), nullable=True),
    sa.Column("score_deliberatie", sa.Integer(), nullable=True),
    sa.Column("score_legitimiteit", sa.Integer(), nullable=True),
    sa.Column("lessons", sa.Text(), nullable=False),
    sa.CheckConstraint("score_deliberatie BETWEEN 0 AND 4", name=op.f("ck_register_evaluations_score_deliberatie")),
    sa.CheckConstraint("score_eigenaarschap BETWEEN 0 AND 4", name=op.f("ck_register_evaluations_score_eigenaarschap")),
    sa.CheckConstraint("score_inclusie BETWEEN 0 AND 4", name=op.f("ck_register_evaluations_score_inclusie")),
    sa.CheckConstraint("score_invloed BETWEEN 0 AND 4", name=op.f("ck_register_evaluations_score_invloed")),
    sa.CheckConstraint("score_legitimiteit BETWEEN 0 AND 4", name=op.f("ck_register_evaluations_score_legitimiteit")),
    sa.ForeignKeyConstraint(["entry_id"], ["register_entries.id"], name=op.f("fk_register_evaluations_entry_id_register_entries"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_register_evaluations"))
    )
    with op.batch_alter_table("register_evaluations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_register_evaluations_entry_id"), ["entry_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("register_evaluations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_register_evaluations_entry_id"))

    op.drop_table("register_evaluations")
    with op.batch_alter_table("register_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_register_entries_municipality_id"))

    op.drop_table("register_entries")
    with op.batch_alter_table("group_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_members_session_id"))

    op.drop_table("rule_set_snapshots")
    op.drop_table("group_members")
    op.drop_table("group_sessions")
