"""Participation plans and feedback reports (verslagen): what a municipality adopts before it starts, and what it
reports when it decides. Plain data, pre-filled from an advice; people edit every field. Reports render them
(ladder.reports.plan_document); storage keeps every version with its register entry."""
