"""The netwerkpartner-scan: rounds joined by code, members known by role, their scores.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("municipality_id", sa.String(length=100), nullable=False),
        sa.Column("join_code_hash", sa.String(length=64), nullable=False),
        sa.Column("facilitator_code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scans")),
        sa.UniqueConstraint("facilitator_code_hash", name=op.f("uq_scans_facilitator_code_hash")),
        sa.UniqueConstraint("join_code_hash", name=op.f("uq_scans_join_code_hash")),
    )
    op.create_table(
        "scan_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["scan_id"], ["scans.id"], name=op.f("fk_scan_members_scan_id_scans"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_members")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_scan_members_code_hash")),
    )
    with op.batch_alter_table("scan_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_members_scan_id"), ["scan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("scan_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scan_members_scan_id"))
    op.drop_table("scan_members")
    op.drop_table("scans")
