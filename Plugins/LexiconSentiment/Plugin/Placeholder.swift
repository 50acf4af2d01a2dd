// placeholder until the plugin shell lands
