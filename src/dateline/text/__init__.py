"""Text basics every later stage needs: paragraphs, sentences with offsets, offset-safe normalization."""

from dateline.text.normalize import clean, fold
from dateline.text.paragraphs import Paragraph, paragraphs
from dateline.text.sentences import Sentence, sentences

__all__ = ["Paragraph", "Sentence", "clean", "fold", "paragraphs", "sentences"]
