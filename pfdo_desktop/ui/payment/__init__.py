"""«Оплата» (issue 12): the provider's month computed on this PC."""
