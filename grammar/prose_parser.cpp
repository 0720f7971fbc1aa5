// replaced by the prose parser facade
