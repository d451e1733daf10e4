"""Helpers of the clean stage (truceline.stages.clean): chrome rules, captions and bylines, HTML extraction.

Private to the stage: other code calls `truceline.stages.clean.clean`.
"""
