"""Failed code look-ups per minute, for the installation-wide limit on guessing codes (storage/attempts.py).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("code_failures",
    sa.Column("minute", sa.DateTime(timezone=True), nullable=False),
    sa.Column("failures", sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint("minute", name=op.f("pk_code_failures"))
    )


def downgrade() -> None:
    op.drop_table("code_failures")
