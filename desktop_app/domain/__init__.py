"""Pure rules of Seuil: money, periods, messages. Standard library only."""
