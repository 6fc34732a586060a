"""Configuration an officer writes or tdkt ships: the cluster (members, leader, letterhead), the
rubric (criteria and points) and the award rules. Models and their validated loading only."""
