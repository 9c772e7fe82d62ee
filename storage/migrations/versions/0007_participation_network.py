"""The participation network: experts' profiles, initiatives (by code) and their requests for help.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "network_experts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("areas", sa.JSON(), nullable=False),
        sa.Column("rungs", sa.JSON(), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("hours_per_month", sa.Integer(), nullable=False),
        sa.Column("outside_own", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("hours_per_month BETWEEN 0 AND 160", name=op.f("ck_network_experts_hours_per_month")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_experts")),
        sa.UniqueConstraint("subject", name=op.f("uq_network_experts_subject")),
    )
    op.create_table(
        "network_initiatives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("areas", sa.JSON(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("rung", sa.String(length=100), nullable=True),
        sa.Column("role", sa.String(length=100), nullable=True),
        sa.Column("own_permits", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_initiatives")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_network_initiatives_code_hash")),
    )
    op.create_table(
        "network_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("expert_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("lessons", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('gevraagd', 'aangenomen', 'afgewezen', 'overdracht', 'afgesloten')",
                           name=op.f("ck_network_requests_status")),
        sa.ForeignKeyConstraint(["expert_id"], ["network_experts.id"],
                                name=op.f("fk_network_requests_expert_id_network_experts"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["initiative_id"], ["network_initiatives.id"],
                                name=op.f("fk_network_requests_initiative_id_network_initiatives"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_requests")),
    )
    with op.batch_alter_table("network_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_network_requests_expert_id"), ["expert_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_network_requests_initiative_id"), ["initiative_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("network_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_network_requests_initiative_id"))
        batch_op.drop_index(batch_op.f("ix_network_requests_expert_id"))
    op.drop_table("network_requests")
    op.drop_table("network_initiatives")
    op.drop_table("network_experts")
