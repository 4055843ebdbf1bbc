"""The two tabs of the Rapports screen: checking and producing a return, and its runs."""
