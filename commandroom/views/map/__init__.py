"""The live grid map: the web page (folium, Leaflet), its bridge payloads, the dock."""
