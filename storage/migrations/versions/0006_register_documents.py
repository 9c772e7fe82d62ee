"""Participation plans and verslagen with their register entry, every version kept.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "register_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.CheckConstraint("kind IN ('plan', 'verslag')", name=op.f("ck_register_documents_kind")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_register_documents_version")),
        sa.ForeignKeyConstraint(["entry_id"], ["register_entries.id"],
                                name=op.f("fk_register_documents_entry_id_register_entries"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_documents")),
        sa.UniqueConstraint("entry_id", "kind", "version", name="uq_register_documents_version"),
    )
    with op.batch_alter_table("register_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_register_documents_entry_id"), ["entry_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("register_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_register_documents_entry_id"))
    op.drop_table("register_documents")
