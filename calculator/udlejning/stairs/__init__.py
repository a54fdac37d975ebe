"""The two stair models of afsnit 6 and Bilag 4, III: placing a section, and what its wheel means for a
household.

- ``bilag17_risk_zone``: the key figures, the state's limits and the risk zone (Bilag 17, Bilag 4 III.1).
- ``afsnit6_1_omraadetrappe``: the area stair, small areas, relevant criteria, afsnit 6.1.6.
- ``afsnit6_2_afdelingstrappe``: the section stair, figur 5.
- ``placement``: both put together.
- ``afsnit6_priority``: "where do I get priority?" for each wheel position (uses Rules I's criteria).
"""
