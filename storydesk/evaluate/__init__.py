"""Evaluation: dataset loaders, metrics and harnesses behind `storydesk eval`."""
