"""Working groups: a join code expires, and a session takes at most a set number of members.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

from storage import clock

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The values of then, written out here: a migration keeps doing what it did when the code around it changes.
VALID_DAYS = 30
DEFAULT_LIMIT = 30
MOST_MEMBERS = 100


def upgrade() -> None:
    with op.batch_alter_table("group_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("join_code_expires_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("member_limit", sa.Integer(), nullable=True))

    sessions = sa.table("group_sessions", sa.column("id", sa.Integer), sa.column("join_code_expires_at",
                        sa.DateTime(timezone=True)), sa.column("member_limit", sa.Integer))
    members = sa.table("group_members", sa.column("session_id", sa.Integer))
    # Codes already handed out were given without an end date. Counting 30 days from each session's start would
    # stop older codes at once, in the middle of a group's work; counting from today gives every group the same
    # 30 days' notice that a new code will be needed.
    op.execute(sessions.update().values(join_code_expires_at=clock.now() + dt.timedelta(days=VALID_DAYS)))
    # A session that already has more members than the default keeps them all (and is full), up to the most
    # any session may have; a session with more than that is full too, and nobody already in it is removed.
    joined = sa.select(sa.func.count()).where(members.c.session_id == sessions.c.id).scalar_subquery()
    limit = sa.case((joined > MOST_MEMBERS, MOST_MEMBERS), (joined > DEFAULT_LIMIT, joined), else_=DEFAULT_LIMIT)
    op.execute(sessions.update().values(member_limit=limit))

    with op.batch_alter_table("group_sessions", schema=None) as batch_op:
        batch_op.alter_column("join_code_expires_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        batch_op.alter_column("member_limit", existing_type=sa.Integer(), nullable=False)
        batch_op.create_check_constraint(op.f("ck_group_sessions_member_limit"), "member_limit BETWEEN 1 AND 100")


def downgrade() -> None:
    with op.batch_alter_table("group_sessions", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_group_sessions_member_limit"), type_="check")
        batch_op.drop_column("member_limit")
        batch_op.drop_column("join_code_expires_at")
