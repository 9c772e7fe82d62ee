"""The audit log names a logged-in account by its OpenID Connect subject, which may be 255 characters long.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column("actor_id", existing_type=sa.String(length=100), type_=sa.String(length=255),
                              existing_nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column("actor_id", existing_type=sa.String(length=255), type_=sa.String(length=100),
                              existing_nullable=True)
