"""Enrolment decided by the portal (docs/enrolment.md): the ``child.*`` and ``application.*``
commands a PC pushes, and the steps the admin functions reuse (a parent's online application,
expiry).

* ``children`` — ``child.create`` / ``child.resolve``: a new child matched against the registry,
  namesakes, what the provider may see of a match;
* ``applications`` — ``application.create`` and the rulebook's decision with its reservation of
  a place and of the certificate's money; a parent's application on the portal;
* ``contracts`` — confirm, reject, withdraw, enrol, expel, transfer, terminate, expiry;
* ``guesses`` — the limits on wrong certificate numbers (privacy rule 4);
* ``shared`` — numbers, history, visibility (privacy rule 1), reading and reserving rows.

Every command runs in its own savepoint (``ops.apply_op``): a refusal undoes whatever the handler
had started, so a refused command changes nothing on the portal (except ``application.create``,
whose refusal is a decision: the application is stored as «отклонена» with the rulebook's reason).
Each module lists the decisions of its own where docs/enrolment.md is silent.
"""
