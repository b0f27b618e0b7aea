"""Helpers for notebooks and scripts (`viz`): displaCy views, currency conversion, an indicator plot."""
