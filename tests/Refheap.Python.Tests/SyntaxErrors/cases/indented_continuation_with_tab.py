if x:
        pass
    	
